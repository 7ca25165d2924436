// Registers a passkey and signs in with it, password-less and as a second factor, in
// Debian's Chromium with a virtual authenticator (Chrome DevTools Protocol WebAuthn domain).
// Usage: node passkeys.mjs <chromium> <base URL on localhost> <access token> <email> <password>
//        <another account's sign-in ticket (mfa_token)>
// Prints one JSON object with each step's HTTP status and body.
import { chromium } from 'playwright-core'

const [chromiumPath, base, accessToken, email, password, otherMfaToken] = process.argv.slice(2)

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
try {
  const page = await browser.newPage()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  await page.goto(`${base}/webauthn-test.html`)

  const result = await page.evaluate(async ({ accessToken, email, password, otherMfaToken }) => {
    const call = async (path, body, token) => {
      const headers = { 'Content-Type': 'application/json' }
      if (token) headers.Authorization = `Bearer ${token}`
      const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}) })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : null }
    }
    const assert = async (options) =>
      (await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) })).toJSON()

    const creation = await call('/api/v1/auth/passkeys/registration/options', {}, accessToken)
    const created = await navigator.credentials.create({
      publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(creation.body),
    })
    const register = await call('/api/v1/auth/passkeys/registration', { credential: created.toJSON(), name: 'Test key' }, accessToken)

    const passwordlessOptions = await call('/api/v1/auth/passkeys/login/options', {})
    const assertion = await assert(passwordlessOptions.body)
    const passwordless = await call('/api/v1/auth/passkeys/login', { credential: assertion })
    const replay = await call('/api/v1/auth/passkeys/login', { credential: assertion })

    const first = await call('/api/v1/auth/login', { email, password })
    const mfaOptions = await call('/api/v1/auth/passkeys/login/options', { mfa_token: first.body.mfa_token })
    const secondFactor = await call('/api/v1/auth/passkeys/login', {
      credential: await assert(mfaOptions.body),
      mfa_token: first.body.mfa_token,
    })

    // This account's passkey, asked for with its own ticket, presented with another's.
    const again = await call('/api/v1/auth/login', { email, password })
    const againOptions = await call('/api/v1/auth/passkeys/login/options', { mfa_token: again.body.mfa_token })
    const foreign = await call('/api/v1/auth/passkeys/login', {
      credential: await assert(againOptions.body),
      mfa_token: otherMfaToken,
    })
    return { creation, register, passwordlessOptions, passwordless, replay, first, mfaOptions, secondFactor, foreign }
  }, { accessToken, email, password, otherMfaToken })
  console.log(JSON.stringify(result))
} finally {
  await browser.close()
}
