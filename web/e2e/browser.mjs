// Launches Debian's Chromium for the end-to-end run and collects what a person would notice
// only in the console: CSP violations, script errors and failed requests.
import { chromium } from 'playwright-core'
import { createHash } from 'node:crypto'
import axe from 'axe-core'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function openBrowser({ executablePath }) {
  // A fresh profile every run: no cookie, storage or cache from an earlier run can help.
  const profile = mkdtempSync(join(tmpdir(), 'ferry-e2e-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    locale: 'en-US',
    timezoneId: 'UTC',
  })
  const problems = { csp: [], errors: [] }
  // Runs before any page script, outside the page's CSP (it is injected by the browser).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    const text = message.text()
    if (/Content Security Policy|CSP violation|Refused to (apply|execute|load|connect)/i.test(text)) problems.csp.push(text)
  })
  page.on('pageerror', (error) => problems.errors.push(error.message))
  return {
    context,
    page,
    problems,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * axe-core is evaluated through the DevTools protocol, which the page's CSP does not govern;
 * once per document, not once per scan (half a megabyte of script to parse each time).
 */
export async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
  )
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
}

/** Fills the password form of the sign-in page and submits it. */
export async function submitSignIn(page, email, password) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

/** An environment variable the driver test must set. */
export function required(name) {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}

export function check(condition, message) {
  if (!condition) throw new Error(message)
}

export const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex')

/**
 * Runs a script's steps: a failure leaves a full-page `<name>-failure.png` in `shots`;
 * in any case the page's CSP violations and errors go into `result`, the browser closes
 * and `result` is written to `resultFile` for the driving test.
 */
export async function runSteps(browser, { name, shots, result, resultFile }, steps) {
  try {
    await steps()
  } catch (error) {
    await browser.page.screenshot({ path: join(shots, `${name}-failure.png`), fullPage: true }).catch(() => {})
    throw error
  } finally {
    result.csp.push(...browser.problems.csp)
    result.pageErrors.push(...browser.problems.errors)
    await browser.close()
    writeFileSync(resultFile, JSON.stringify(result, null, 2))
  }
}

/** Progress lines, prefixed with the script's name, for the driver test's log. */
export const logger = (name) => (message) => console.log(`[${name}] ${message}`)

export const PHONE = { width: 390, height: 844 }

/**
 * Resolves once the page has laid out what changed (two frames) and every finite CSS
 * transition or animation it started has ended, so no shot or contrast scan catches a fade.
 */
export async function settle(page) {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map((animation) => animation.finished.catch(() => {})))
  })
}

/**
 * Resizes to a phone, shoots `file` and fails when the page is wider than the window
 * (something sticks out sideways); answers the two widths.
 */
export async function checkPhoneFit(page, file, what, result) {
  await page.setViewportSize(PHONE)
  await settle(page)
  const widths = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  await page.screenshot({ path: file })
  result.screenshots.push(file)
  check(widths.scrollWidth <= widths.innerWidth, `${what} scrolls sideways at phone size: ${JSON.stringify(widths)}`)
  return widths
}

/**
 * Shoots a screen light and dark (and at phone width when `phone` is 'shot', or
 * 'scanned' to scan that one too), scans each with axe-core into `result.screens` and
 * fails on a serious finding. `ready(variant)` runs before each shot.
 */
export async function captureScreen(page, name, { shots, result, ready = async () => {}, phone = false, fullPage = true }) {
  result.screenshots ??= []
  const variants = ['light', 'dark', ...(phone ? ['phone'] : [])]
  const desktop = page.viewportSize()
  for (const variant of variants) {
    await page.emulateMedia({ colorScheme: variant === 'dark' ? 'dark' : 'light' })
    if (variant === 'phone') await page.setViewportSize(PHONE)
    await ready(variant)
    await settle(page)
    const file = join(shots, `${name}-${variant}.png`)
    await page.screenshot({ path: file, fullPage })
    result.screenshots.push(file)
    if (variant !== 'phone' || phone === 'scanned') {
      const violations = await accessibilityViolations(page)
      result.screens[`${name}-${variant}`] = violations
      check(violations.length === 0, `${name} (${variant}) has serious accessibility problems: ${JSON.stringify(violations, null, 1)}`)
    }
  }
  if (phone) await page.setViewportSize(desktop)
  await page.emulateMedia({ colorScheme: 'light' })
}
