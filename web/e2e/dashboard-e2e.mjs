// End-to-end run of the admin dashboard: sign in as an admin, land on the dashboard, check that
// the figures the driver produced through the API (an upload, a download, failed sign-ins) show
// in the cards and the Recharts charts, switch the range, and take light, dark and phone
// screenshots with an axe scan of each, under the server's CSP.
// Driven by dev.ferry.admin.DashboardUiEndToEndIntegrationTests;
// by hand: FERRY_URL=... FERRY_EMAIL=... FERRY_PASSWORD=... FERRY_DASH_USER=... node e2e/dashboard-e2e.mjs
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, logger, openBrowser, required, settle, submitSignIn } from './browser.mjs'

const base = required('FERRY_URL')
const email = required('FERRY_EMAIL')
const password = required('FERRY_PASSWORD')
const busiestUser = required('FERRY_DASH_USER')
const minFailed = Number(process.env.FERRY_DASH_MIN_FAILED ?? '1')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'dashboard-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], charts: 0, failedLogins: null }

const log = logger('dashboard-e2e')

const browser = await openBrowser({ executablePath })
const { page } = browser
page.setDefaultTimeout(TIMEOUT)

async function chartsReady() {
  await page.getByRole('heading', { name: 'Dashboard', exact: true }).waitFor()
  await page.locator('.recharts-surface').nth(2).waitFor()
}

/** Elements sticking out to the right make a phone scroll sideways; name them if any do. */
async function horizontalOverflow() {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth <= width) return []
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .slice(0, 8)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className?.baseVal ?? el.className).slice(0, 60)} right=${Math.round(el.getBoundingClientRect().right)}`)
  })
}

async function capture(name, viewport) {
  await page.setViewportSize(viewport)
  await captureScreen(page, name, {
    shots,
    result,
    ready: async (scheme) => {
      await chartsReady()
      await settle(page)
      const overflow = await horizontalOverflow()
      check(overflow.length === 0, `${name} (${scheme}) is wider than the window: ${overflow.join('; ')}`)
    },
  })
}

try {
  await page.goto(`${base}/admin`)
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
  await submitSignIn(page, email, password)
  await chartsReady()
  check(new URL(page.url()).pathname === '/admin/dashboard', `/admin should open the dashboard, not ${page.url()}`)
  check((await page.getByRole('navigation', { name: 'Main' }).getByRole('link').filter({ hasText: 'Dashboard' }).count()) === 1, 'no Dashboard link in the admin nav')

  result.charts = await page.locator('.recharts-surface').count()
  check(result.charts >= 3, `expected the traffic, failed sign-in and storage charts, found ${result.charts} chart surfaces`)
  await page.locator('.recharts-area-area').first().waitFor()
  await page.locator('.recharts-bar-rectangle').first().waitFor()

  const overview = page.getByRole('region', { name: 'Overview' })
  const failedCard = overview.locator('.card').filter({ hasText: 'Failed sign-ins, last 24 h' })
  result.failedLogins = Number((await failedCard.locator('p.text-2xl').textContent()).replace(/,/g, ''))
  check(result.failedLogins >= minFailed, `the failed sign-ins card says ${result.failedLogins}, expected at least ${minFailed}`)
  const storageTick = page.locator('svg text.chart-tick-strong', { hasText: busiestUser })
  check((await storageTick.count()) === 1, `the storage chart does not name ${busiestUser}`)
  check((await page.getByRole('table', { name: 'Storage by user' }).locator('tr', { hasText: busiestUser }).count()) === 1, 'the storage table alternative misses the user')
  check((await page.getByRole('table', { name: 'Uploads and downloads per day' }).locator('tbody tr').count()) === 30, 'the traffic table should have 30 days')
  log(`dashboard shows ${result.charts} charts and ${result.failedLogins} failed sign-ins`)

  await capture('admin-dashboard', { width: 1280, height: 860 })
  await capture('admin-dashboard-phone', { width: 390, height: 844 })
  await page.setViewportSize({ width: 1280, height: 860 })

  const range = page.getByRole('group', { name: 'Time range' })
  await range.getByRole('button', { name: '7 days' }).click()
  await page.getByText(/in the last 7 days/).waitFor()
  check(new URL(page.url()).searchParams.get('days') === '7', 'the range should be in the address')
  check((await page.getByRole('table', { name: 'Uploads and downloads per day' }).locator('tbody tr').count()) === 7, 'the traffic table should have 7 days')
  await page.getByRole('group', { name: 'Measure' }).getByRole('button', { name: 'Bytes' }).click()
  await page.locator('.recharts-area-area').first().waitFor()
  await capture('admin-dashboard-7d', { width: 1280, height: 860 })
  log('range and measure switches work')

  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  check(result.csp.length === 0, `CSP violations: ${result.csp.join('; ')}`)
  check(result.pageErrors.length === 0, `page errors: ${result.pageErrors.join('; ')}`)
} catch (error) {
  await page.screenshot({ path: join(shots, 'dashboard-failure.png'), fullPage: true }).catch(() => {})
  result.error = String(error?.stack ?? error)
  throw error
} finally {
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  await browser.close()
}
