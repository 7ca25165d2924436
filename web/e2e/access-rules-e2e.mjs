// End-to-end run of the access-rules screens: an admin gives an account network rules in the
// user dialog (a bad network and a bad country are refused with the server's words under the
// field, good rules are saved and read back), and the admin creates an upload request with
// "Require a CAPTCHA" whose CAPTCHA a stranger's browser solves with the altcha widget's Web Worker before
// sending a file; a transfer's link is created with an allowed network and bound to the first device. Light and dark screenshots
// with an axe scan of each, under the server's CSP. Driven by
// dev.ferry.protect.AccessRulesUiEndToEndIntegrationTests; by hand:
// FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_TARGET=... FERRY_REQUEST_TITLE=... FERRY_FILE=... node e2e/access-rules-e2e.mjs
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const target = required('FERRY_TARGET')
const requestTitle = required('FERRY_REQUEST_TITLE')
const file = required('FERRY_FILE')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'access-rules-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000

mkdirSync(shots, { recursive: true })
const work = mkdtempSync(join(tmpdir(), 'ferry-access-rules-e2e-'))
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], networkError: null, countryError: null }
const log = logger('access-rules-e2e')

const admin = await openBrowser({ executablePath })
const stranger = await openBrowser({ executablePath })
const { page } = admin
const visitor = stranger.page
page.setDefaultTimeout(TIMEOUT)
visitor.setDefaultTimeout(TIMEOUT)

try {
  await page.goto(`${base}/admin/users`)
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  await submitSignIn(page, email, password)
  await page.getByRole('button', { name: `Edit ${target}` }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit user' })
  await dialog.getByLabel('Allowed networks').fill('10.0.0.0/33')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  const networkError = dialog.getByText(/^allowed_ips: '10\.0\.0\.0\/33' is not/)
  await networkError.waitFor()
  result.networkError = await networkError.textContent()
  log(`bad network refused: ${result.networkError}`)

  await dialog.getByLabel('Allowed networks').fill('192.0.2.0/24, 2001:db8::/32')
  await dialog.getByLabel('Allowed countries').fill('Germany')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  const countryError = dialog.getByText(/^allowed_countries: 'Germany' is not/)
  await countryError.waitFor()
  check((await dialog.getByText(/^allowed_ips:/).count()) === 0, 'the network error stayed after it was fixed')
  result.countryError = await countryError.textContent()
  await captureScreen(page, 'admin-user-rules', { shots, result, fullPage: false })

  await dialog.getByLabel('Allowed networks').fill('192.0.2.7/24 2001:db8::/32')
  await dialog.getByLabel('Allowed countries').fill('')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await page.getByText(`Saved ${target}`).waitFor()
  await dialog.waitFor({ state: 'hidden' })
  // Opened again, the dialog reads the account's rules from the server (the list leaves them out).
  await page.getByRole('button', { name: `Edit ${target}` }).click()
  const reopened = page.getByRole('dialog', { name: 'Edit user' }).getByLabel('Allowed networks')
  await page.waitForFunction(() =>
    [...document.querySelectorAll('dialog[open] input')].some((input) => input.value.startsWith('192.0.2.0/24, 2001:db8:')),
  )
  result.savedNetworks = await reopened.inputValue()
  await page.keyboard.press('Escape')
  log(`good rules saved, normalised and read back: ${result.savedNetworks}`)

  await page.goto(`${base}/transfers/new`)
  await page.getByRole('heading', { name: 'New transfer', exact: true }).waitFor()
  await page.getByRole('checkbox', { name: `Send ${file}` }).check()
  await page.getByLabel('Title', { exact: true }).fill(requestTitle)
  await page.getByLabel('Allowed networks').fill('127.0.0.0/8')
  await page.getByRole('checkbox', { name: /Only the first device/ }).check()
  await page.getByRole('button', { name: 'Create transfer' }).click()
  await page.getByRole('heading', { name: 'Transfer ready' }).waitFor()
  log('transfer link created with an allowed network and bound to the first device')

  await page.goto(`${base}/requests`)
  await page.getByRole('heading', { name: 'Upload requests', exact: true }).waitFor()
  await page.getByRole('button', { name: 'New request' }).click()
  await page.getByLabel('Title', { exact: true }).fill(requestTitle)
  await page.getByRole('checkbox', { name: /Require a CAPTCHA/ }).check()
  await page.getByLabel('Allowed networks').fill('127.0.0.0/8')
  await page.getByRole('button', { name: 'Create link' }).click()
  const requestUrl = await page.getByLabel('Upload link').inputValue()
  check(/\/u\/[A-Za-z0-9_-]{43}$/.test(requestUrl), `upload link looks wrong: ${requestUrl}`)
  log('upload request with a CAPTCHA created')

  // The stranger's check waits until the screenshot is taken, so it shows the check, not the drop zone.
  let release
  const held = new Promise((resolve) => (release = resolve))
  await visitor.route('**/api/v1/upload-requests/public/*/captcha', async (route) => {
    await held
    await route.continue()
  })
  await visitor.goto(requestUrl)
  await visitor.getByRole('status', { name: 'Browser check' }).waitFor()
  await visitor.locator('altcha-widget .altcha[data-state="verified"]').waitFor()
  await captureScreen(visitor, 'request-captcha', { shots, result, fullPage: false })
  release()
  const choose = visitor.getByRole('button', { name: 'Choose files' })
  await visitor.waitForFunction(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Choose files') && !b.disabled),
  )
  const sent = join(work, 'proof-of-work.txt')
  writeFileSync(sent, 'sent after the browser check')
  const [picker] = await Promise.all([visitor.waitForEvent('filechooser'), choose.click()])
  await picker.setFiles(sent)
  await visitor.getByText('1 of 1 upload complete').waitFor()
  await visitor.unroute('**/api/v1/upload-requests/public/*/captcha')
  log('the stranger solved the upload request CAPTCHA and sent a file')

  result.csp = [...admin.problems.csp, ...stranger.problems.csp]
  result.pageErrors = [...admin.problems.errors, ...stranger.problems.errors]
  check(result.csp.length === 0, `CSP violations: ${result.csp.join('\n')}`)
  check(result.pageErrors.length === 0, `page errors: ${result.pageErrors.join('\n')}`)
} catch (error) {
  await page.screenshot({ path: join(shots, 'access-rules-failure.png'), fullPage: true }).catch(() => {})
  await visitor.screenshot({ path: join(shots, 'access-rules-visitor-failure.png'), fullPage: true }).catch(() => {})
  result.error = String(error?.stack ?? error)
  throw error
} finally {
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await admin.close()
  await stranger.close()
}
