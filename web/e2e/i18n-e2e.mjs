// End-to-end run of the translated UI in the pseudo-locales: the sign-in and files pages in
// en-XA (accented, ~30 % longer) and ar-XB (the same, right to left), with <html lang dir>,
// no horizontal overflow, the primary button on screen, axe scans and screenshots at
// desktop and phone width. Driven by dev.ferry.web.I18nUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... node e2e/i18n-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'i18n-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const LOCALES = { 'en-XA': 'ltr', 'ar-XB': 'rtl' }

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
  await page.locator('h1').first().waitFor()
}

/** What a clipped or overflowing layout looks like from the page: measured, not eyeballed. */
async function layout(page, { primary, translated }) {
  return page.evaluate(([selector, marker]) => {
    const root = document.documentElement
    const button = document.querySelector(selector)
    const box = button?.getBoundingClientRect()
    const onTop = box ? document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) : null
    return {
      lang: root.lang,
      dir: root.dir,
      heading: document.querySelector(marker)?.textContent ?? '',
      overflow: root.scrollWidth - root.clientWidth,
      primaryVisible: !!box && box.width > 0 && box.left >= 0 && box.right <= root.clientWidth,
      // A disabled button lets the pointer through to its parent: an ancestor on top is not a cover.
      primaryUncovered: !!onTop && (button.contains(onTop) || onTop.contains(button)),
    }
  }, [primary, translated])
}

function expectLaidOut(name, locale, measured) {
  check(measured.lang === locale, `${name}: <html lang> is ${measured.lang}, not ${locale}`)
  check(measured.dir === LOCALES[locale], `${name}: <html dir> is ${measured.dir}, not ${LOCALES[locale]}`)
  check(/^\[.*\]$/.test(measured.heading), `${name}: the text is not the pseudo-locale's: ${measured.heading}`)
  check(measured.overflow <= 0, `${name}: the page overflows sideways by ${measured.overflow}px`)
  check(measured.primaryVisible && measured.primaryUncovered, `${name}: the primary button is off screen or covered`)
}

async function screen(page, name, locale, selectors) {
  const measured = {}
  await captureScreen(page, name, {
    shots,
    result,
    phone: 'scanned',
    ready: async (variant) => {
      measured[variant] = await layout(page, selectors)
      expectLaidOut(`${name} (${variant})`, locale, measured[variant])
    },
  })
  result.locales[locale] = { ...result.locales[locale], [name]: measured }
  log(`${name}: lang ${measured.light.lang}, dir ${measured.light.dir}, "${measured.light.heading}"`)
}

const browser = await openBrowser({ executablePath })
try {
  const { page } = browser
  page.setDefaultTimeout(30_000)
  // The debug flag that offers the pseudo-locales, remembered in this browser.
  await page.goto(`${base}/signin?pseudo`)
  check(await page.evaluate(() => localStorage.getItem('ferry.pseudo') === '1'), '?pseudo did not turn the pseudo-locales on')
  for (const locale of Object.keys(LOCALES)) {
    await useLocale(page, '/signin', locale)
    await screen(page, `i18n-signin-${locale}`, locale, { primary: 'form button[type=submit]', translated: 'h1' })
  }

  await page.locator('input[type=email]').fill(email)
  await page.locator('input[type=password]').fill(password)
  await page.locator('form button[type=submit]').click()
  await page.waitForURL(/\/files/)

  for (const locale of Object.keys(LOCALES)) {
    await useLocale(page, '/files', locale)
    await page.locator('main h1').waitFor()
    // The shell's navigation is translated here; the files page's own text by its folder's owner.
    await screen(page, `i18n-files-${locale}`, locale, {
      primary: 'main .mb-6 > .shrink-0 > button:last-child',
      translated: 'aside nav a[href="/files"]',
    })
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
