import { api, serverDate, type TokenResponse } from './client'
import type { Me, UserInfo } from './types'

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
  const response = await api.send('/api/v1/auth/login', { json: { email, password, use_cookie: true }, auth: false })
  const result = (await response.json()) as TokenResponse | MfaChallenge
  if ('mfa_required' in result) return result
  api.acceptTokens(result, serverDate(response))
  return null
}

/** The second step: a code from the authenticator app, or a recovery code. */
export async function finishSignIn(mfaToken: string, code: string): Promise<void> {
  const response = await api.send('/api/v1/auth/login/mfa', { json: { mfa_token: mfaToken, code, use_cookie: true }, auth: false })
  api.acceptTokens((await response.json()) as TokenResponse, serverDate(response))
}

export function fetchMe(): Promise<Me> {
  return api.request<Me>('/api/v1/me')
}

/** Ends this session: the server revokes it and clears the refresh and CSRF cookies. */
export async function signOut(): Promise<void> {
  try {
    await api.request('/api/v1/auth/logout', { method: 'POST', headers: api.csrfHeaders() })
  } finally {
    api.forget()
  }
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
