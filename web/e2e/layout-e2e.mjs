// Layout check of the main screens at 1280×800 and at phone width (390×844): each page's primary
// button is visible, inside the window once scrolled into view and not covered by anything (the
// elements at its centre and corners are the button or inside it), also on the new-transfer page while an
// upload shows in the uploads tray; the side navigation runs down to the bottom of the page; and
// the share page counts a started download at once. Screenshots land in target/screenshots.
// Driven by dev.ferry.web.LayoutUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_SHARE_PATH=/s/... FERRY_REQUEST_PATH=/u/... FERRY_INVITED_REQUEST_PATH=/u/... node e2e/layout-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { check, logger, openBrowser, required, settle, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const sharePath = required('FERRY_SHARE_PATH')
const requestPath = required('FERRY_REQUEST_PATH')
const invitedRequestPath = required('FERRY_INVITED_REQUEST_PATH')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'layout-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } }

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], checked: [], downloadsLeft: [] }
const log = logger('layout-e2e')

const browser = await openBrowser({ executablePath })
const { page } = browser
page.setDefaultTimeout(60_000)

/**
 * Scrolls the button into view as the browser does for keyboard focus and answers what a person
 * would see of it: where it is, whether it lies inside the window and what covers it.
 */
async function inspect(button) {
  await button.waitFor({ state: 'visible' })
  return button.evaluate((el) => {
    el.scrollIntoView({ block: 'end', inline: 'nearest' })
    const box = el.getBoundingClientRect()
    // The centre and, a few pixels in, the four corners: a tray over half the button leaves its centre free.
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + 3, box.top + 3],
      [box.right - 3, box.top + 3],
      [box.left + 3, box.bottom - 3],
      [box.right - 3, box.bottom - 3],
    ]
    const hits = points.map(([x, y]) => document.elementFromPoint(x, y))
    const covering = hits.find((hit) => hit === null || !(hit === el || el.contains(hit)))
    const describe = (node) =>
      node ? `${node.tagName.toLowerCase()}${node.id ? '#' + node.id : ''}.${String(node.className).slice(0, 80)}` : 'nothing'
    const aside = [...document.querySelectorAll('aside')].find((a) => a.getBoundingClientRect().width > 0)
    return {
      inside: box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth,
      uncovered: covering === undefined,
      coveredBy: describe(covering?.closest('section,aside,header,dialog,div') ?? covering),
      box: { top: Math.round(box.top), bottom: Math.round(box.bottom), height: window.innerHeight },
      navBottom: aside ? Math.round(aside.getBoundingClientRect().bottom + window.scrollY) : null,
      pageBottom: document.documentElement.scrollHeight,
    }
  })
}

/** Checks the primary button of the page shown now, in both sizes, with a screenshot of each. */
async function checkScreen(name, button, ready = async () => {}) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport)
    await ready()
    await settle(page)
    const seen = await inspect(button())
    const screen = `layout-${name}-${size}`
    result.checked.push({ screen, ...seen })
    await page.screenshot({ path: join(shots, `${screen}.png`), fullPage: true })
    result.screenshots.push(screen)
    check(seen.inside, `${screen}: the primary button is outside the window after scrolling to it: ${JSON.stringify(seen.box)}`)
    check(seen.uncovered, `${screen}: the primary button is covered by ${seen.coveredBy}`)
    if (seen.navBottom !== null) {
      check(seen.navBottom >= seen.pageBottom - 1, `${screen}: the side navigation ends at ${seen.navBottom}px, the page at ${seen.pageBottom}px`)
    }
    log(`${screen}: primary button visible and uncovered`)
  }
  await page.setViewportSize(SIZES.desktop)
}

const exact = (name) => ({ name, exact: true })

try {
  await page.goto(`${base}/signin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await checkScreen('signin', () => page.getByRole('button', exact('Sign in')))
  await submitSignIn(page, email, password)
  await page.getByRole('navigation', { name: 'Main' }).first().waitFor()

  await page.goto(`${base}/files`)
  await checkScreen('files', () => page.getByRole('button', exact('Upload files')).first())

  await page.goto(`${base}/transfers/new`)
  await page.getByTestId('transfer-file-input').setInputFiles({
    name: 'layout-check.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('a file in the uploads tray\n'),
  })
  await page.getByRole('region', { name: 'Uploads' }).waitFor()
  await checkScreen('transfer-new', () => page.getByRole('button', exact('Create transfer')), async () => {
    await page.getByRole('region', { name: 'Uploads' }).waitFor()
  })

  await page.goto(`${base}/account`)
  await checkScreen('account', () => page.getByRole('button', exact('Set up authenticator app')))

  await page.goto(`${base}/admin/users`)
  await checkScreen('admin-users', () => page.getByRole('button', exact('Create user')))

  await page.goto(`${base}${requestPath}`)
  // Enabled once the visitor's upload session is open.
  await checkScreen('request-public', () => page.locator('button:enabled', { hasText: 'Choose files' }))

  await page.goto(`${base}${invitedRequestPath}`)
  // Invited people only: the visitor proves their address with a mailed code first.
  await checkScreen('request-invited', () => page.getByRole('button', exact('Send me a code')))

  await page.goto(`${base}${sharePath}`)
  const zip = () => page.getByRole('link', exact('Download all (ZIP)'))
  await checkScreen('share', zip)
  const summary = page.getByText(/downloads? left/)
  result.downloadsLeft.push(await summary.textContent())
  const download = page.waitForEvent('download')
  await zip().click()
  await (await download).cancel()
  await page.getByText(/· 1 download left/).waitFor()
  result.downloadsLeft.push(await summary.textContent())
  // What the server counted, not only what the page expected.
  await page.reload()
  await page.getByText(/· 1 download left/).waitFor()
  result.downloadsLeft.push(await summary.textContent())
  log(`share page: ${result.downloadsLeft.join(' → ')}`)
} catch (error) {
  await page.screenshot({ path: join(shots, 'layout-failure.png'), fullPage: true }).catch(() => {})
  result.error = String(error?.stack ?? error)
  throw error
} finally {
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await browser.close()
}
