// End-to-end run of single sign-on and the admin's provider status: open the sign-in page,
// click the Keycloak button, sign in on Keycloak's own login page, land back in Ferry signed
// in, open Admin → Sign-in providers and take light and dark screenshots with an axe scan.
// Driven by dev.ferry.auth.oidc.KeycloakSignInIntegrationTests;
// by hand: FERRY_URL=... FERRY_KC_USER=admin FERRY_KC_PASSWORD=... node e2e/providers-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required } from './browser.mjs'

const base = required('FERRY_URL')
const username = required('FERRY_KC_USER')
const password = required('FERRY_KC_PASSWORD')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'providers-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], providers: [] }
const log = logger('providers-e2e')

const browser = await openBrowser({ executablePath })
const { page } = browser
page.setDefaultTimeout(60_000)

try {
  await page.goto(`${base}/signin`)
  await page.getByRole('link', { name: 'Sign in with Keycloak', exact: true }).click()
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(password)
  await page.locator('#kc-login').click()
  await page.waitForURL((url) => url.origin === new URL(base).origin && !url.pathname.startsWith('/signin'))
  log(`signed in through Keycloak, landed on ${new URL(page.url()).pathname}`)
  // The landing page trades the refresh cookie for tokens; navigating while that request
  // is in flight would lose the rotated cookie, and a refresh more than 10 s later would
  // count as reuse.
  await page.getByRole('navigation', { name: 'Main' }).waitFor()

  await page.goto(`${base}/admin/sign-in-providers`)
  await page.getByRole('heading', { name: 'Sign-in providers', exact: true }).waitFor()
  const rows = page.getByRole('list', { name: 'Providers' }).getByRole('listitem')
  await rows.first().waitFor()
  result.providers = await rows.allInnerTexts()
  check(result.providers.some((text) => text.includes('Keycloak') && text.includes('Working')), `the Keycloak provider should be working: ${result.providers.join(' | ')}`)
  await captureScreen(page, 'admin-sign-in-providers', { shots, result })
  log('provider status shown')
} catch (error) {
  await page.screenshot({ path: join(shots, 'providers-failure.png'), fullPage: true }).catch(() => {})
  result.error = String(error?.stack ?? error)
  throw error
} finally {
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await browser.close()
}
