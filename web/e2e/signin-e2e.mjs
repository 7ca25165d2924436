// End-to-end run of the sign-in screens: single sign-on through a real identity provider
// (navikt's mock-oauth2-server, interactive login), a passkey on a virtual authenticator
// (password-less and as second factor), an authenticator-app code as second factor, a device
// sign-in (ferry login --device) approved on the /device page by the single sign-on user, and a
// forgotten password reset through the mailed link. Driven by
// dev.ferry.web.SignInUiEndToEndIntegrationTests, which answers "need-mail <address>" lines
// on stdin with the reset link it found in the mail.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { captureScreen, check, logger, openBrowser, required, submitSignIn } from './browser.mjs'
import { totp } from './totp.mjs'

const base = required('FERRY_URL')
const passkeyUser = { email: required('FERRY_PASSKEY_EMAIL') }
const totpUser = { email: required('FERRY_TOTP_EMAIL') }
const resetUser = { email: required('FERRY_RESET_EMAIL') }
const password = required('FERRY_PASSWORD')
const ssoEmail = required('FERRY_SSO_EMAIL')
const shots = process.env.FERRY_SCREENSHOTS ?? join(process.cwd(), 'target', 'screenshots')
const resultFile = process.env.FERRY_E2E_RESULT ?? join(shots, 'signin-result.json')
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium'
const TIMEOUT = 60_000
const NEW_PASSWORD = 'lighthouse keeper at dawn 42'

mkdirSync(shots, { recursive: true })
const result = { screens: {}, screenshots: [], csp: [], pageErrors: [], steps: [] }
const stdin = createInterface({ input: process.stdin })
const lines = stdin[Symbol.asyncIterator]()

const log = logger('signin-e2e')

function step(name) {
  result.steps.push(name)
  log(name)
}

async function api(path, body, token) {
  const headers = { 'Content-Type': 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body ?? {}) })
  const text = await response.text()
  check(response.ok, `${path} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

/** The driver reads the mail and answers with the link in it. */
async function mailedLink(address) {
  console.log(`need-mail ${address}`)
  const { value, done } = await lines.next()
  check(!done && value.startsWith('http'), `no link for ${address}: ${value}`)
  return value.trim()
}

const browser = await openBrowser({ executablePath })
const { page } = browser
page.setDefaultTimeout(TIMEOUT)

const capture = (name) => captureScreen(page, name, { shots, result, phone: 'shot' })

async function signInPage() {
  await page.getByRole('heading', { name: 'Sign in to Ferry' }).waitFor()
}

async function signedInAs(user) {
  await page.getByRole('heading', { name: 'Files', exact: true }).waitFor()
  await page.getByTitle(user.email).waitFor()
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await signInPage()
}

async function passwordSignIn(email, secret) {
  await submitSignIn(page, email, secret)
}

/** Fills the identity provider's own login form: any subject, claims as JSON. */
async function providerLogin(subject, claims) {
  await page.getByRole('link', { name: 'Sign in with Company login' }).click()
  await page.waitForURL((url) => !url.href.startsWith(base))
  await page.locator('input[name=username]').fill(subject)
  if (claims) await page.locator('textarea[name=claims]').fill(JSON.stringify(claims))
  await page.locator('input[type=submit]').click()
}

async function singleSignOn() {
  await page.goto(`${base}/signin`)
  await signInPage()
  await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor()
  await capture('signin-methods')

  // A provider that does not share the email address: the callback sends the browser back with the reason.
  await providerLogin(`no-mail-${Date.now()}`, null)
  await page.waitForURL(/\/signin\?sso_error=no_email/)
  const alert = await page.getByRole('alert').textContent()
  check(alert.includes('did not share your email address'), `the sign-in page explains the failed single sign-on: ${alert}`)
  await capture('signin-sso-error')
  step('a failed single sign-on comes back to the sign-in page with a clear message')

  await providerLogin(`grace-${Date.now()}`, { email: ssoEmail, email_verified: true, name: 'Grace Hopper' })
  await signedInAs({ email: ssoEmail })
  await page.reload()
  await signedInAs({ email: ssoEmail })
  step('signed in through the identity provider; the session survives a reload')
  await deviceSignIn()
  await signOut()
  await page.reload()
  await signInPage()
  step('signed out of a single sign-on session, through the provider and back')
}

/** `ferry login --device` for a single sign-on user: the page approves what a CLI asked for. */
async function deviceSignIn() {
  const codes = await api('/api/v1/auth/device/code', { client_name: 'ferry CLI on build-box', scopes: ['read', 'write'] })
  await page.goto(codes.verification_uri_complete)
  await page.getByRole('heading', { name: 'Sign in a device?' }).waitFor()
  const shown = await page.locator('main').textContent()
  check(shown.includes('ferry CLI on build-box') && shown.includes(ssoEmail), `the page names the device and the user: ${shown}`)
  check(shown.includes(codes.user_code) && shown.includes('read and write'), `the page shows the code and scopes: ${shown}`)
  await capture('device-approve')
  await page.getByRole('button', { name: 'Approve' }).click()
  await page.getByRole('heading', { name: 'Device signed in' }).waitFor()
  await capture('device-approved')
  const tokens = await api('/api/v1/auth/device/token', { device_code: codes.device_code })
  const me = await (await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${tokens.access_token}` } })).json()
  check(me.email === ssoEmail && me.scopes.join(',') === 'read,write', `the device acts as the approver: ${JSON.stringify(me)}`)
  step('a single sign-on user approved a device sign-in on the page; the device got its session')
  await page.goto(`${base}/files`)
  await signedInAs({ email: ssoEmail })
}

async function passkeys() {
  await passwordSignIn(passkeyUser.email, password)
  await signedInAs(passkeyUser)
  const registered = await page.evaluate(async ({ email, password }) => {
    const call = async (path, body, token) => {
      const headers = { 'Content-Type': 'application/json' }
      if (token) headers.Authorization = `Bearer ${token}`
      const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) })
      return { status: response.status, body: await response.json() }
    }
    const token = (await call('/api/v1/auth/login', { email, password })).body.access_token
    const options = await call('/api/v1/auth/passkeys/registration/options', {}, token)
    const created = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.body) })
    return call('/api/v1/auth/passkeys/registration', { credential: created.toJSON(), name: 'Virtual key' }, token)
  }, { email: passkeyUser.email, password })
  check(registered.status === 201, `passkey registered: ${JSON.stringify(registered)}`)
  await signOut()

  await page.getByRole('button', { name: 'Sign in with a passkey' }).click()
  await signedInAs(passkeyUser)
  step('signed in with a passkey alone')
  await signOut()

  await passwordSignIn(passkeyUser.email, password)
  await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor()
  check(!(await page.getByLabel('Authentication code').isVisible()), 'an account with only a passkey is not asked for a code')
  await capture('signin-mfa-passkey')
  await page.getByRole('button', { name: 'Use a passkey' }).click()
  await signedInAs(passkeyUser)
  step('signed in with password and a passkey as second factor')
  await signOut()
}

async function authenticatorApp() {
  const token = (await api('/api/v1/auth/login', { email: totpUser.email, password })).access_token
  const { secret } = await api('/api/v1/auth/2fa/enable', {}, token)
  // The previous window's code confirms it, so the UI's current code has not been used yet.
  await api('/api/v1/auth/2fa/verify', { code: totp(secret, -1) }, token)

  await passwordSignIn(totpUser.email, password)
  await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor()
  await page.getByRole('button', { name: 'Use a recovery code instead' }).waitFor()
  await capture('signin-mfa')
  await page.getByLabel('Authentication code').fill(totp(secret))
  await page.getByRole('button', { name: 'Verify' }).click()
  await signedInAs(totpUser)
  step('signed in with password and an authenticator code')
  await signOut()
}

async function forgottenPassword() {
  await page.getByRole('link', { name: 'Forgot password?' }).click()
  await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
  await capture('forgot-password')
  await page.getByLabel('Email').fill(resetUser.email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  await capture('forgot-password-sent')

  const link = await mailedLink(resetUser.email)
  check(link.startsWith(`${base}/reset-password#token=`), `the mailed link opens the reset page: ${link}`)
  await page.goto(link)
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
  check(!page.url().includes('#token'), 'the reset token is removed from the address bar')
  await capture('reset-password')

  await page.getByLabel('Password', { exact: true }).fill('password1234')
  await page.getByLabel('Repeat password').fill('password1234')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await page.getByText(/^This password is/).waitFor()
  await capture('reset-password-refused')
  step('the server’s password policy shows at the field')

  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD)
  await page.getByLabel('Repeat password').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Set new password' }).click()
  await signInPage()
  await page.getByRole('status').filter({ hasText: 'Sign in with your new password.' }).waitFor()
  await capture('signin-after-reset')
  await passwordSignIn(resetUser.email, NEW_PASSWORD)
  await signedInAs(resetUser)
  step('reset the password through the mailed link and signed in with the new one')
}

try {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })
  await singleSignOn()
  await passkeys()
  await authenticatorApp()
  await forgottenPassword()
} catch (failure) {
  await page.screenshot({ path: join(shots, 'signin-failure.png'), fullPage: true })
  log(`failed at ${page.url()}:\n${await page.locator('body').innerText()}`)
  throw failure
} finally {
  result.csp = browser.problems.csp
  result.pageErrors = browser.problems.errors
  writeFileSync(resultFile, JSON.stringify(result, null, 2))
  stdin.close()
  await browser.close()
}
log(`done; screenshots in ${shots}`)
