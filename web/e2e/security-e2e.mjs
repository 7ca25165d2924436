// End-to-end run of account security in the web UI. Two parts, each driven by its own
// server (FERRY_E2E_PART):
//   account: a user turns on TOTP (the code computed here, RFC 6238), sees recovery codes,
//            adds a passkey through a virtual authenticator and removes it; the admin then
//            requires 2FA for users, and a fresh user is held at the enrollment step until
//            they enroll. Driven by dev.ferry.web.SecurityUiEndToEndIntegrationTests.
//   idle:    with a password past its maximum age and a short idle timeout, the admin
//            changes the password at the restricted step, then sits idle: the warning
//            counts down and the page ends on sign-in with a note. Driven by
//            dev.ferry.web.IdleSignOutUiEndToEndIntegrationTests.
// The base URL must be http://localhost:<port>: passkeys need a host name, not an address.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { captureScreen, check, openBrowser, required, submitSignIn } from './browser.mjs'
import { totp } from './totp.mjs'

const base = required('FERRY_URL')
const part = required('FERRY_E2E_PART')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, `security-${part}-result.json`)
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000

mkdirSync(shots, { recursive: true })
const result = { screens: {}, csp: [], pageErrors: [], steps: [] }

function step(message) {
  result.steps.push(message)
  console.log(`[security-e2e:${part}] ${message}`)
}

/** Light and dark at desktop width, and a phone-width shot; every one scanned with axe. */
const capture = (page, name) => captureScreen(page, name, { shots, result, phone: 'scanned' })

/** A fresh browser for {@code run}; a failure leaves a screenshot of where it stood. */
async function withBrowser(name, run) {
  const browser = await openBrowser({ executablePath })
  const { page, problems } = browser
  page.setDefaultTimeout(TIMEOUT)
  try {
    await run(page)
  } catch (error) {
    await page.screenshot({ path: join(shots, `security-${part}-${name}-failure.png`), fullPage: true }).catch(() => undefined)
    throw error
  } finally {
    result.csp.push(...problems.csp)
    result.pageErrors.push(...problems.errors)
    await browser.close()
  }
}

async function signIn(page, email, password) {
  await page.goto(`${base}/files`)
  await submitSignIn(page, email, password)
}

async function virtualAuthenticator(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })
}

/** Turns on the authenticator app wherever its setup form shows; answers the recovery codes. */
async function enrollTotp(page) {
  const secret = await page.getByLabel('Setup key').inputValue()
  check(/^[A-Z2-7]{16,}$/.test(secret), `no setup key shown: ${secret}`)
  await page.getByLabel('Code from the app').fill(totp(secret))
  await page.getByRole('button', { name: 'Turn on' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await codes.first().waitFor()
  return codes.allTextContents()
}

async function accountPart() {
  const memberEmail = required('FERRY_MEMBER_EMAIL')
  const freshEmail = required('FERRY_FRESH_EMAIL')
  const userPassword = required('FERRY_USER_PASSWORD')
  const adminEmail = required('FERRY_ADMIN_EMAIL')
  const adminPassword = required('FERRY_ADMIN_PASSWORD')

  await withBrowser('member', async (page) => {
    await signIn(page, memberEmail, userPassword)
    await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
    await page.getByRole('link', { name: 'Account' }).first().click()
    await page.getByRole('button', { name: 'Set up authenticator app' }).click()
    const codes = await enrollTotp(page)
    check(codes.length >= 8, `expected recovery codes, got ${JSON.stringify(codes)}`)
    result.recoveryCodes = codes.length
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()])
    result.recoveryCodesFile = download.suggestedFilename()
    await capture(page, 'security-recovery-codes')
    await page.getByLabel('I saved my recovery codes').check()
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByText('App on').waitFor()
    step(`TOTP on, ${codes.length} recovery codes`)

    await virtualAuthenticator(page)
    await page.getByRole('button', { name: 'Add a passkey' }).click()
    await page.getByRole('dialog').getByLabel('Name').fill('Work laptop')
    await page.getByRole('dialog').getByRole('button', { name: 'Continue' }).click()
    const passkeys = page.getByRole('list', { name: 'Passkeys' })
    await passkeys.getByText('Work laptop').waitFor()
    check((await passkeys.getByText('never used').count()) === 1, 'the new passkey does not say it was never used')
    step('passkey added and listed')
    await page.getByRole('heading', { name: 'Sessions' }).waitFor()
    await page.getByText('This device').waitFor()
    await page.getByText('Passkey added').waitFor({ state: 'hidden', timeout: 20_000 })
    await capture(page, 'security-section')

    await page.getByRole('button', { name: 'Remove passkey Work laptop' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remove passkey' }).click()
    await page.getByText('No passkeys yet.').waitFor()
    step('passkey removed')
  })

  await withBrowser('admin', async (page) => {
    await signIn(page, adminEmail, adminPassword)
    await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
    await page.getByRole('link', { name: 'Security policy' }).first().click()
    await page.getByRole('heading', { name: 'Security policy', exact: true }).waitFor()
    await page.getByText('From FERRY_REQUIRE_2FA', { exact: true }).waitFor()
    await page.getByLabel('Some roles').check()
    await page.getByLabel('Users', { exact: true }).check()
    await page.getByRole('button', { name: 'Save policy' }).click()
    await page.getByText('Set here', { exact: true }).waitFor()
    step('policy set to require 2FA for users')
    await page.getByText('Security policy saved').waitFor({ state: 'hidden', timeout: 20_000 })
    await capture(page, 'admin-security-policy')

    await page.getByRole('link', { name: 'Users' }).first().click()
    await page.getByRole('button', { name: `Edit ${memberEmail}` }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Reset two-factor…' }).click()
    await capture(page, 'admin-reset-2fa')
    await page.getByRole('dialog').getByRole('button', { name: 'Reset two-factor', exact: true }).click()
    await page.getByText(`Reset two-factor authentication for ${memberEmail}`).waitFor()
    step('second factors of the member reset')
  })

  await withBrowser('fresh', async (page) => {
    await signIn(page, freshEmail, userPassword)
    const enrollment = page.getByRole('heading', { name: 'Set up two-factor authentication' })
    await enrollment.waitFor()
    await capture(page, 'enrollment-step')
    await page.goto(`${base}/files`)
    await enrollment.waitFor()
    check((await page.getByRole('heading', { name: 'Files', exact: true }).count()) === 0, 'a restricted session reached the files')
    step('restricted session held at the enrollment step after navigating to /files')
    await page.getByRole('button', { name: /Authenticator app/ }).click()
    await enrollTotp(page)
    await page.getByLabel('I saved my recovery codes').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
    result.freshReachedFiles = new URL(page.url()).pathname
    step(`enrolled, now at ${result.freshReachedFiles}`)
  })
}

async function idlePart() {
  const email = required('FERRY_ADMIN_EMAIL')
  const password = required('FERRY_ADMIN_PASSWORD')
  const newPassword = required('FERRY_NEW_PASSWORD')
  await withBrowser('browser', async (page) => {
    await signIn(page, email, password)
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await capture(page, 'password-change-step')
    await page.getByLabel('Current password').fill(password)
    await page.getByLabel('Password', { exact: true }).fill(newPassword)
    await page.getByLabel('Repeat password').fill(newPassword)
    await page.getByRole('button', { name: 'Change password and continue' }).click()
    await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
    const changedAt = Date.now()
    step('password changed, files reached; now idle')

    const warning = page.getByRole('heading', { name: /You'll be signed out in \d:\d\d/ })
    await warning.waitFor({ timeout: 180_000 })
    result.warningAfterMs = Date.now() - changedAt
    result.warningTitle = await warning.textContent()
    step(`warning after ${result.warningAfterMs} ms: ${result.warningTitle}`)
    await capture(page, 'idle-warning')
    const note = page.getByRole('status').filter({ hasText: 'of inactivity' })
    await note.waitFor({ timeout: 120_000 })
    result.signedOutAfterMs = Date.now() - changedAt
    result.note = await note.textContent()
    result.signedOutPath = new URL(page.url()).pathname
    step(`signed out after ${result.signedOutAfterMs} ms: ${result.note}`)
    await capture(page, 'idle-signed-out')
    await page.reload()
    await page.getByLabel('Email').waitFor()
    result.afterReloadPath = new URL(page.url()).pathname
  })
}

try {
  if (part === 'account') await accountPart()
  else if (part === 'idle') await idlePart()
  else throw new Error(`unknown FERRY_E2E_PART ${part}`)
} finally {
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
}
