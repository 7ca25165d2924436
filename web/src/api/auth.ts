import { api, type TokenResponse } from './client'
import type { Me, UserInfo } from './types'
import { getAssertion, type RequestOptionsJSON } from './webauthn'

/** What a correct password answers when the account has a second factor. */
export interface MfaChallenge {
  mfa_required: true
  mfa_token: string
  mfa_methods: string[]
  expires_in: number
}

/**
 * Sign-in asks for cookie mode: the refresh token goes into an HttpOnly cookie, never into
 * JS. Answers the second-factor challenge when the account has one, else null.
 */
export async function signIn(email: string, password: string): Promise<MfaChallenge | null> {
  const sentAt = api.time()
  const response = await api.send('/api/v1/auth/login', { json: { email, password, use_cookie: true }, auth: false })
  const result = (await response.json()) as TokenResponse | MfaChallenge
  if ('mfa_required' in result) return result
  api.acceptTokens(result, sentAt)
  return null
}

/** The second step: a code from the authenticator app, or a recovery code. */
export async function finishSignIn(mfaToken: string, code: string): Promise<void> {
  const sentAt = api.time()
  const response = await api.send('/api/v1/auth/login/mfa', {
    json: { mfa_token: mfaToken, code, use_cookie: true },
    auth: false,
  })
  api.acceptTokens((await response.json()) as TokenResponse, sentAt)
}

export function fetchMe(): Promise<Me> {
  return api.request<Me>('/api/v1/me')
}

/** The account's language: a shipped BCP 47 tag, or null to follow the browser. */
export function updateAccountLanguage(locale: string | null): Promise<void> {
  return api.request<void>('/api/v1/me', { method: 'PATCH', json: { locale } })
}

/**
 * Ends this session: the server revokes it and clears the refresh and CSRF cookies. A
 * single sign-on session then sends the browser to the provider to end its session too.
 */
export async function signOut(): Promise<void> {
  let answer: { logout_url?: string } | undefined
  try {
    answer = await api.request<{ logout_url?: string } | undefined>('/api/v1/auth/logout', {
      method: 'POST',
      headers: api.csrfHeaders(),
    })
  } finally {
    api.forget()
  }
  if (answer?.logout_url) window.location.assign(answer.logout_url)
}

/** Ends every other session first (the server keeps the caller's), then this one. */
export async function signOutEverywhere(): Promise<void> {
  await api.request('/api/v1/auth/sessions', { method: 'DELETE' })
  await signOut()
}

export function completeSetup(token: string, email: string, password: string, name: string): Promise<UserInfo> {
  return api.request<UserInfo>('/api/v1/auth/setup', {
    json: { token, email, password, name: name || undefined },
    auth: false,
  })
}

export function register(invitationToken: string, email: string, password: string, name: string): Promise<UserInfo> {
  return api.request<UserInfo>('/api/v1/auth/register', {
    json: { invitation_token: invitationToken, email, password, name: name || undefined },
    auth: false,
  })
}

/** One way in, as GET /auth/providers lists them. */
export type SignInMethod =
  | { type: 'password'; name?: string }
  | { type: 'passkey'; name?: string }
  | { type: 'oidc'; id: string; name: string; start_url: string }
  | { type: 'saml'; id: string; name: string; start_url: string }

export async function fetchSignInMethods(): Promise<SignInMethod[]> {
  return (await api.request<{ items: SignInMethod[] }>('/api/v1/auth/providers', { auth: false })).items
}

/**
 * Signs in with a passkey: password-less, or as the second factor of an mfa ticket. The
 * refresh token goes into the cookie, as with a password.
 */
export async function signInWithPasskey(mfaToken?: string): Promise<void> {
  const options = await api.request<RequestOptionsJSON>('/api/v1/auth/passkeys/login/options', {
    method: 'POST',
    json: mfaToken ? { mfa_token: mfaToken } : {},
    auth: false,
  })
  const credential = await getAssertion(options)
  const sentAt = api.time()
  const response = await api.send('/api/v1/auth/passkeys/login', {
    json: mfaToken ? { credential, mfa_token: mfaToken, use_cookie: true } : { credential, use_cookie: true },
    auth: false,
  })
  api.acceptTokens((await response.json()) as TokenResponse, sentAt)
}

/** Mails a reset link when the address has an account; the server never says whether it does. */
export async function requestPasswordReset(email: string): Promise<void> {
  await api.request('/api/v1/auth/password-reset', { json: { email }, auth: false })
}

/** Sets a new password with the token from the reset link; every session of the account ends. */
export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await api.request('/api/v1/auth/password-reset/confirm', { json: { token, password }, auth: false })
}
