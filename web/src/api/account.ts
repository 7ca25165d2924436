import { defineMessage } from 'react-intl'
import { translate } from '../i18n/current'
import { api } from './client'
import type { ApiKey, CreatedApiKey, Items, Received, Schemas, Sent, SessionInfo } from './types'

export const listSessions = () => api.request<Items<SessionInfo>>('/api/v1/auth/sessions').then((r) => r.items)

export const revokeSession = (id: string) =>
  api.request<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const revokeOtherSessions = () => api.request<void>('/api/v1/auth/sessions', { method: 'DELETE' })

export const listApiKeys = () => api.request<Items<ApiKey>>('/api/v1/auth/api-keys').then((r) => r.items)

export const createApiKey = (body: Schemas['ApiKeyCreateRequest']) =>
  api.request<CreatedApiKey>('/api/v1/auth/api-keys', { json: body })

export const revokeApiKey = (id: string) =>
  api.request<void>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })

export type TwoFactorStatus = Received<
  Schemas['TwoFactorStatus'],
  'totp_enabled' | 'recovery_codes_left' | 'passkeys' | 'required'
>

/** `qr` is a data: URI of an SVG QR code of `otpauth_uri`. */
export type TotpEnrollment = Received<Schemas['Enrollment'], 'secret' | 'otpauth_uri' | 'qr'>

type RecoveryCodes = Received<Schemas['RecoveryCodes'], 'recovery_codes'>

export const twoFactorStatus = () => api.request<TwoFactorStatus>('/api/v1/auth/2fa')

export const enableTotp = () => api.request<TotpEnrollment>('/api/v1/auth/2fa/enable', { method: 'POST' })

export const confirmTotp = (code: string) =>
  api.request<RecoveryCodes>('/api/v1/auth/2fa/verify', { json: { code } }).then((r) => r.recovery_codes)

export const disableTotp = (password: string, code: string) =>
  api.request<void>('/api/v1/auth/2fa/disable', { json: { password, code } })

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.request<void>('/api/v1/auth/password', { json: { current_password: currentPassword, new_password: newPassword } })

export const regenerateRecoveryCodes = (code: string) =>
  api.request<RecoveryCodes>('/api/v1/auth/2fa/recovery-codes', { json: { code } }).then((r) => r.recovery_codes)

export type Passkey = Received<Schemas['PasskeyView'], 'id' | 'name' | 'created_at'>

export const listPasskeys = () => api.request<Items<Passkey>>('/api/v1/auth/passkeys').then((r) => r.items)

export const deletePasskey = (id: string) =>
  api.request<void>(`/api/v1/auth/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' })

const NO_PASSKEY = defineMessage({
  id: 'api.account.noPasskeyCreated',
  defaultMessage: 'No passkey was created.',
})

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
  if (!credential) throw new Error(translate(NO_PASSKEY))
  return api.request<Passkey>('/api/v1/auth/passkeys/registration', { json: { credential: credential.toJSON(), name } })
}

/** Whether this browser can create passkeys the way {@link addPasskey} does. */
export const passkeysSupported = () =>
  typeof PublicKeyCredential !== 'undefined' && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'

export type SshKey = Sent<Schemas['SshKeyView'], 'id' | 'name' | 'fingerprint' | 'created_at'>

export const listSshKeys = () => api.request<Items<SshKey>>('/api/v1/auth/ssh-keys').then((r) => r.items)

export const addSshKey = (body: { name: string; public_key: string }) =>
  api.request<SshKey>('/api/v1/auth/ssh-keys', { json: body })

export const deleteSshKey = (id: string) =>
  api.request<void>(`/api/v1/auth/ssh-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })

export type Webhook = Sent<Schemas['WebhookView'], 'id' | 'url' | 'events' | 'enabled' | 'failures' | 'created_at'>

export type WebhookDelivery = Sent<Schemas['DeliveryView'], 'id' | 'event_type' | 'status' | 'attempts' | 'created_at'>

export const WEBHOOK_EVENTS = [
  'file.uploaded',
  'file.scanned',
  'transfer.created',
  'transfer.downloaded',
  'share.expired',
  'upload_request.received',
] as const

export const listWebhooks = () => api.request<Items<Webhook>>('/api/v1/webhooks').then((r) => r.items)

export const createWebhook = (body: { url: string; events: string[] }) =>
  api.request<Webhook>('/api/v1/webhooks', { json: body })

export const deleteWebhook = (id: string) =>
  api.request<void>(`/api/v1/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const listDeliveries = (id: string) =>
  api.request<Items<WebhookDelivery>>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries`).then((r) => r.items)

export const replayDelivery = (id: string, delivery: string) =>
  api.request<void>(`/api/v1/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(delivery)}/replay`, {
    method: 'POST',
  })
