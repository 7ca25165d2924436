// End-to-end run of the translated UI: the sign-in and files pages in the pseudo-locales
// en-XA (accented, ~30 % longer) and ar-XB (the same, right to left), and sign-in, files,
// new transfer and the share page in German, Japanese and Arabic; each with <html lang dir>,
// no horizontal overflow, the primary button found by its translated name, on screen and
// uncovered, axe scans and screenshots light, dark and at phone width.
// Driven by dev.ferry.web.I18nUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_SHARE_PATH=/s/... node e2e/i18n-e2e.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const sharePath = required('FERRY_SHARE_PATH')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'i18n-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
// The pseudo-locales catch clipping on two pages; the shipped languages that stretch Latin
// text, use another script, and run right to left are checked on the four pages people use most.
const PSEUDO = ['en-XA', 'ar-XB']
const SHIPPED = ['de', 'ja', 'ar']
const DIRECTION = { 'en-XA': 'ltr', 'ar-XB': 'rtl', de: 'ltr', ja: 'ltr', ar: 'rtl' }

/** Each page's primary control, found by its role and its name in the locale's catalogue. */
const SCREENS = {
  signin: { path: '/signin', role: 'button', key: 'auth.signIn.submit' },
  files: { path: '/files', role: 'button', key: 'files.page.uploadFiles' },
  'transfer-new': { path: '/transfers/new', role: 'button', key: 'transfers.new.create' },
  share: { path: sharePath, role: 'link', key: 'share.files.downloadAll' },
}

const catalogue = (locale) =>
  JSON.parse(readFileSync(new URL(`../src/i18n/messages/${locale}.json`, import.meta.url), 'utf8'))

mkdirSync(shots, { recursive: true })
const result = { locales: {}, screens: {}, screenshots: [], csp: [], pageErrors: [] }
const log = logger('i18n-e2e')

/**
 * Switches the UI's language the way a tester does (the remembered choice), then loads the
 * page once: reloading while a session restores would replay a rotated refresh token.
 */
async function useLocale(page, path, locale) {
  await page.evaluate((code) => localStorage.setItem('ferry.locale', code), locale)
  await page.goto(`${base}${path}`)
  await page.waitForFunction((code) => document.documentElement.lang === code, locale)
}

/** What a clipped or overflowing layout looks like from the page: measured, not eyeballed. */
async function layout(page, primary) {
  await primary.waitFor({ state: 'visible' })
  return primary.evaluate((button) => {
    button.scrollIntoView({ block: 'end', inline: 'nearest' })
    const root = document.documentElement
    const box = button.getBoundingClientRect()
    const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    // Back to the top, so the full-page screenshot shows the sticky navigation where a reader first sees it.
    window.scrollTo(0, 0)
    return {
      lang: root.lang,
      dir: root.dir,
      primary: button.textContent,
      overflow: root.scrollWidth - root.clientWidth,
      primaryVisible: box.width > 0 && box.left >= 0 && box.right <= root.clientWidth,
      // A disabled button lets the pointer through to its parent: an ancestor on top is not a cover.
      primaryUncovered: !!onTop && (button.contains(onTop) || onTop.contains(button)),
    }
  })
}

function expectLaidOut(name, locale, measured) {
  check(measured.lang === locale, `${name}: <html lang> is ${measured.lang}, not ${locale}`)
  check(measured.dir === DIRECTION[locale], `${name}: <html dir> is ${measured.dir}, not ${DIRECTION[locale]}`)
  check(measured.overflow <= 0, `${name}: the page overflows sideways by ${measured.overflow}px`)
  check(measured.primaryVisible && measured.primaryUncovered, `${name}: the primary button is off screen or covered`)
}

async function screen(page, screenName, locale) {
  const { path, role, key } = SCREENS[screenName]
  const name = `i18n-${screenName}-${locale}`
  await useLocale(page, path, locale)
  // Found by the translated name: an untranslated or missing message fails here.
  const primary = page.getByRole(role, { name: catalogue(locale)[key], exact: true }).first()
  const measured = {}
  await captureScreen(page, name, {
    shots,
    result,
    phone: 'scanned',
    ready: async (variant) => {
      measured[variant] = await layout(page, primary)
      expectLaidOut(`${name} (${variant})`, locale, measured[variant])
    },
  })
  result.locales[locale] = { ...result.locales[locale], [name]: measured }
  log(`${name}: lang ${measured.light.lang}, dir ${measured.light.dir}, "${measured.light.primary}"`)
}

const browser = await openBrowser({ executablePath })
try {
  const { page } = browser
  page.setDefaultTimeout(30_000)
  // The debug flag that offers the pseudo-locales, remembered in this browser.
  await page.goto(`${base}/signin?pseudo`)
  // The flag is read when the language picker renders, after the page has loaded.
  await page.locator('form button[type=submit]').waitFor()
  check(await page.evaluate(() => localStorage.getItem('ferry.pseudo') === '1'), '?pseudo did not turn the pseudo-locales on')
  for (const locale of [...PSEUDO, ...SHIPPED]) await screen(page, 'signin', locale)

  await page.locator('input[type=email]').fill(email)
  await page.locator('input[type=password]').fill(password)
  await page.locator('form button[type=submit]').click()
  await page.waitForURL(/\/files/)

  for (const locale of PSEUDO) await screen(page, 'files', locale)
  for (const locale of SHIPPED) {
    for (const screenName of ['files', 'transfer-new', 'share']) await screen(page, screenName, locale)
  }
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
} catch (error) {
  await browser.page.screenshot({ path: join(shots, 'i18n-failure.png'), fullPage: true }).catch(() => {})
  throw error
} finally {
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await browser.close()
}
