// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { renderApp } from '../test/render'
import { SignInPage } from './SignInPage'
import { ASSERTION, TOKENS, assertion, fakeAuthenticator, fakeServer, respond } from './testServer'

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

const PROVIDERS = {
  items: [
    { type: 'password', name: 'Password' },
    { type: 'passkey', name: 'Passkey' },
    { type: 'oidc', id: 'oidc', name: 'Company login', start_url: '/api/v1/auth/login/oidc/oidc' },
    { type: 'oidc', id: 'partner', name: 'Partner login', start_url: '/api/v1/auth/login/oidc/partner' },
    { type: 'saml', id: 'adfs', name: 'Corporate SAML', start_url: '/api/v1/auth/login/saml/adfs' },
  ],
}

async function typePassword() {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText('Email'), 'ada@example.com')
  await user.type(screen.getByLabelText('Password'), 'correct horse battery')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  return user
}

describe('SignInPage', () => {
  it('offers the methods the server lists: password, passkey and one link per provider', async () => {
    fakeServer({ '/api/v1/auth/providers': respond(200, PROVIDERS) })
    renderApp(<SignInPage />, '/signin')
    expect(await screen.findByRole('button', { name: 'Sign in with a passkey' })).toBeTruthy()
    expect(screen.getByLabelText('Email')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Forgot password?' }).getAttribute('href')).toBe('/forgot-password')
    expect(screen.getByRole('link', { name: 'Sign in with Company login' }).getAttribute('href')).toBe(
      '/api/v1/auth/login/oidc/oidc',
    )
    expect(screen.getByRole('link', { name: 'Sign in with Partner login' }).getAttribute('href')).toBe(
      '/api/v1/auth/login/oidc/partner',
    )
    expect(screen.getByRole('link', { name: 'Sign in with Corporate SAML' }).getAttribute('href')).toBe(
      '/api/v1/auth/login/saml/adfs',
    )
  })

  it('explains a refused SAML assertion', async () => {
    fakeServer({ '/api/v1/auth/providers': respond(200, PROVIDERS) })
    renderApp(<SignInPage />, '/signin?sso_error=replayed')
    expect((await screen.findByRole('alert')).textContent).toBe('This sign-in was used already. Start a new one.')
  })

  it('leaves the password form out when the server accepts no passwords', async () => {
    fakeServer({ '/api/v1/auth/providers': respond(200, { items: PROVIDERS.items.slice(1) }) })
    renderApp(<SignInPage />, '/signin')
    await screen.findByRole('button', { name: 'Sign in with a passkey' })
    expect(screen.queryByLabelText('Email')).toBeNull()
    expect(screen.queryByRole('link', { name: 'Forgot password?' })).toBeNull()
  })

  it('explains a failed single sign-on the callback reported', async () => {
    fakeServer({ '/api/v1/auth/providers': respond(200, PROVIDERS) })
    renderApp(<SignInPage />, '/signin?sso_error=not_provisioned')
    expect((await screen.findByRole('alert')).textContent).toBe(
      'There is no Ferry account for you yet. Ask an administrator to create one.',
    )
  })

  it('says so when the identity provider cannot be reached', async () => {
    fakeServer({ '/api/v1/auth/providers': respond(200, PROVIDERS) })
    renderApp(<SignInPage />, '/signin?sso_error=discovery_failed')
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The identity provider cannot be reached right now. Try again later, or use another way to sign in.',
    )
  })

  it('says so when the account may not be used from this network', async () => {
    fakeServer({ '/api/v1/auth/providers': respond(200, PROVIDERS) })
    renderApp(<SignInPage />, '/signin?sso_error=ip_not_allowed')
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your account cannot be used from this network or country. Contact your administrator if you need to.',
    )
  })

  it('asks for cookie mode and shows the server problem on failure', async () => {
    const calls = fakeServer({
      '/api/v1/auth/login': respond(401, { title: 'Sign-in failed', detail: 'The email or password is wrong.' }),
    })
    renderApp(<SignInPage />, '/signin')
    await typePassword()
    expect((await screen.findByRole('alert')).textContent).toBe('The email or password is wrong.')
    expect(calls).toEqual([
      {
        url: '/api/v1/auth/login',
        body: { email: 'ada@example.com', password: 'correct horse battery', use_cookie: true },
      },
    ])
  })

  it('waits as long as a 429 says before allowing another try', async () => {
    fakeServer({ '/api/v1/auth/login': respond(429, { title: 'Too many sign-in attempts' }, { 'Retry-After': '30' }) })
    renderApp(<SignInPage />, '/signin')
    await typePassword()
    expect((await screen.findByRole('alert')).textContent).toBe('Too many sign-in attempts. Try again in 30 seconds.')
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', true)
  })

  it('signs in with a passkey without a password and adopts the tokens', async () => {
    const calls = fakeServer({
      '/api/v1/auth/passkeys/login/options': respond(200, {
        challenge: 'AQID',
        rpId: 'localhost',
        userVerification: 'required',
      }),
      '/api/v1/auth/passkeys/login': respond(200, TOKENS),
    })
    const authenticator = fakeAuthenticator(assertion)
    renderApp(<SignInPage />, '/signin')
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }))
    await waitFor(() => expect(api.signedIn).toBe(true))
    const publicKey = authenticator.get.mock.calls[0]![0].publicKey!
    expect(Array.from(new Uint8Array(publicKey.challenge as ArrayBuffer))).toEqual([1, 2, 3])
    expect(calls).toEqual([
      { url: '/api/v1/auth/passkeys/login/options', body: {} },
      { url: '/api/v1/auth/passkeys/login', body: { credential: ASSERTION, use_cookie: true } },
    ])
  })

  it('takes the idle timeout of a passkey sign-in from the answer, like a password sign-in', async () => {
    // The server's clock runs an hour behind this browser's, which the timeout does not depend on.
    const serverNow = Math.floor((Date.now() - 3_600_000) / 1000) * 1000
    const idle = {
      ...TOKENS,
      idle_expires_at: new Date(serverNow + 30 * 60_000).toISOString(),
      idle_timeout_seconds: 30 * 60,
    }
    fakeServer({
      '/api/v1/auth/passkeys/login/options': respond(200, { challenge: 'AQID' }),
      '/api/v1/auth/passkeys/login': respond(200, idle, { Date: new Date(serverNow).toUTCString() }),
    })
    fakeAuthenticator(assertion)
    renderApp(<SignInPage />, '/signin')
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }))
    await waitFor(() => expect(api.signedIn).toBe(true))
    expect(api.idleTimeout).toBe(30 * 60_000)
  })

  it('says so when the passkey prompt was cancelled', async () => {
    fakeServer({ '/api/v1/auth/passkeys/login/options': respond(200, { challenge: 'AQID' }) })
    fakeAuthenticator(() =>
      Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')),
    )
    renderApp(<SignInPage />, '/signin')
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with a passkey' }))
    expect((await screen.findByRole('alert')).textContent).toContain('The passkey request was cancelled or timed out.')
    expect(api.signedIn).toBe(false)
  })
})

describe('the second factor step', () => {
  const challenge = (methods: string[]) =>
    respond(200, { mfa_required: true, mfa_token: 'ticket', mfa_methods: methods, expires_in: 300 })

  it('finishes with an authenticator code', async () => {
    const calls = fakeServer({
      '/api/v1/auth/login': challenge(['totp', 'recovery_code']),
      '/api/v1/auth/login/mfa': respond(200, TOKENS),
    })
    renderApp(<SignInPage />, '/signin')
    const user = await typePassword()
    await user.type(await screen.findByLabelText('Authentication code'), '123 456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(api.signedIn).toBe(true))
    expect(calls[1]).toEqual({
      url: '/api/v1/auth/login/mfa',
      body: { mfa_token: 'ticket', code: '123456', use_cookie: true },
    })
    expect(screen.queryByRole('button', { name: 'Use a passkey' })).toBeNull()
  })

  it('takes a recovery code instead', async () => {
    const calls = fakeServer({
      '/api/v1/auth/login': challenge(['totp', 'recovery_code']),
      '/api/v1/auth/login/mfa': respond(200, TOKENS),
    })
    renderApp(<SignInPage />, '/signin')
    const user = await typePassword()
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }))
    await user.type(screen.getByLabelText('Recovery code'), 'abcd-efgh')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(api.signedIn).toBe(true))
    expect(calls[1]!.body).toEqual({ mfa_token: 'ticket', code: 'abcd-efgh', use_cookie: true })
  })

  it('uses a passkey with the ticket', async () => {
    const calls = fakeServer({
      '/api/v1/auth/login': challenge(['totp', 'recovery_code', 'passkey']),
      '/api/v1/auth/passkeys/login/options': respond(200, {
        challenge: 'AQID',
        allowCredentials: [{ type: 'public-key', id: 'AAE' }],
      }),
      '/api/v1/auth/passkeys/login': respond(200, TOKENS),
    })
    const authenticator = fakeAuthenticator(assertion)
    renderApp(<SignInPage />, '/signin')
    const user = await typePassword()
    await user.click(await screen.findByRole('button', { name: 'Use a passkey' }))
    await waitFor(() => expect(api.signedIn).toBe(true))
    const allowed = authenticator.get.mock.calls[0]![0].publicKey!.allowCredentials!
    expect(Array.from(new Uint8Array(allowed[0]!.id as ArrayBuffer))).toEqual([0, 1])
    expect(calls.slice(1)).toEqual([
      { url: '/api/v1/auth/passkeys/login/options', body: { mfa_token: 'ticket' } },
      { url: '/api/v1/auth/passkeys/login', body: { credential: ASSERTION, mfa_token: 'ticket', use_cookie: true } },
    ])
  })

  it('sends the person back to the start when the ticket expired', async () => {
    fakeServer({
      '/api/v1/auth/login': challenge(['totp', 'recovery_code']),
      '/api/v1/auth/login/mfa': respond(401, {
        type: '/problems/invalid-mfa-token',
        title: 'Sign-in expired',
        detail: 'The sign-in ticket is unknown.',
      }),
    })
    renderApp(<SignInPage />, '/signin')
    const user = await typePassword()
    await user.type(await screen.findByLabelText('Authentication code'), '123456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect((await screen.findByRole('alert')).textContent).toContain('This sign-in expired')
    expect(screen.queryByLabelText('Authentication code')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Start over' }))
    expect(await screen.findByLabelText('Email')).toBeTruthy()
  })
})
