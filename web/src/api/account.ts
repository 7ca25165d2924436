import { api } from './client'
import type { ApiKey, CreatedApiKey, Items, SessionInfo } from './types'

export const listSessions = () => api.request<Items<SessionInfo>>('/api/v1/auth/sessions').then((r) => r.items)

export const revokeSession = (id: string) =>
  api.request<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const revokeOtherSessions = () => api.request<void>('/api/v1/auth/sessions', { method: 'DELETE' })

export const listApiKeys = () => api.request<Items<ApiKey>>('/api/v1/auth/api-keys').then((r) => r.items)

export const createApiKey = (body: { name: string; scopes: string[]; expires_at?: string }) =>
  api.request<CreatedApiKey>('/api/v1/auth/api-keys', { json: body })

export const revokeApiKey = (id: string) =>
  api.request<void>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })

export interface TwoFactorStatus {
  totp_enabled: boolean
  recovery_codes_left: number
  passkeys: number
  required: boolean
}

export interface TotpEnrollment {
  secret: string
  otpauth_uri: string
  /** A data: URI of an SVG QR code of otpauth_uri. */
  qr: string
}

export const twoFactorStatus = () => api.request<TwoFactorStatus>('/api/v1/auth/2fa')

export const enableTotp = () => api.request<TotpEnrollment>('/api/v1/auth/2fa/enable', { method: 'POST' })

export const confirmTotp = (code: string) =>
  api.request<{ recovery_codes: string[] }>('/api/v1/auth/2fa/verify', { json: { code } }).then((r) => r.recovery_codes)

export const disableTotp = (password: string, code: string) =>
  api.request<void>('/api/v1/auth/2fa/disable', { json: { password, code } })

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.request<void>('/api/v1/auth/password', { json: { current_password: currentPassword, new_password: newPassword } })

export const regenerateRecoveryCodes = (code: string) =>
  api
    .request<{ recovery_codes: string[] }>('/api/v1/auth/2fa/recovery-codes', { json: { code } })
    .then((r) => r.recovery_codes)

export interface Passkey {
  id: string
  name: string
  created_at: string
  last_used_at: string | null
}

export const listPasskeys = () => api.request<Items<Passkey>>('/api/v1/auth/passkeys').then((r) => r.items)

export const deletePasskey = (id: string) =>
  api.request<void>(`/api/v1/auth/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' })

/**
 * Registers a passkey: the server's options go to the browser's authenticator, whose
 * new credential goes back with the name. The browser's own dialog handles the user.
 */
export async function addPasskey(name: string): Promise<Passkey> {
  const options = await api.request<PublicKeyCredentialCreationOptionsJSON>(
    '/api/v1/auth/passkeys/registration/options',
    { method: 'POST' },
  )
  const credential = (await navigator.credentials.create({
    publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
  })) as PublicKeyCredential | null
  if (!credential) throw new Error('No passkey was created.')
  return api.request<Passkey>('/api/v1/auth/passkeys/registration', { json: { credential: credential.toJSON(), name } })
}

/** Whether this browser can create passkeys the way {@link addPasskey} does. */
export const passkeysSupported = () =>
  typeof PublicKeyCredential !== 'undefined' && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
