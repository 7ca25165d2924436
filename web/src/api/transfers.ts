import { api } from './client'
import type { Received, Schemas } from './types'

export type TransferStatus = 'active' | 'expired' | 'revoked'
export type LinkStatus = 'active' | 'expired' | 'exhausted' | 'revoked'

export type TransferFile = Received<Schemas['TransferFileView'], 'id' | 'name' | 'size' | 'available'>

export type ShareLink = Omit<
  Received<
    Schemas['LinkView'],
    | 'id'
    | 'created_at'
    | 'expires_at'
    | 'downloads'
    | 'password_required'
    | 'require_email_verification'
    | 'notify_on_download'
  >,
  'status'
> & { status: LinkStatus }

export type Transfer = Omit<
  Received<
    Schemas['TransferView'],
    | 'id'
    | 'title'
    | 'expires_at'
    | 'created_at'
    | 'updated_at'
    | 'total_size'
    | 'recipients'
    | 'show_sender_email'
    | 'notify_sender'
    | 'delete_files_on_expiry'
  >,
  'status' | 'files' | 'shares' | 'link'
> & {
  status: TransferStatus
  files: TransferFile[]
  shares: ShareLink[]
  link?: ShareLink | null
}

export type LinkOptions = Schemas['LinkOptions']

export type NewTransfer = Omit<Schemas['NewTransfer'], 'title' | 'file_ids' | 'recipients' | 'link'> & {
  title: string
  file_ids: string[]
  recipients: string[]
  link: LinkOptions
  e2e?: boolean
  manifest?: string
}

export type Recipient = Received<Schemas['TransferRecipientView'], 'email'>

export type Activity = Omit<
  Received<Schemas['ActivityView'], 'id' | 'link_id' | 'bytes' | 'completed' | 'started_at'>,
  'kind'
> & { kind: 'file' | 'zip' }

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

const base = (id: string) => `/api/v1/transfers/${encodeURIComponent(id)}`

export function createTransfer(transfer: NewTransfer): Promise<Transfer> {
  return api.request<Transfer>('/api/v1/transfers', { json: transfer })
}

export function listTransfers(status: TransferStatus | '', cursor?: string | null): Promise<Page<Transfer>> {
  const params = new URLSearchParams({ limit: '50' })
  if (status) params.set('status', status)
  if (cursor) params.set('cursor', cursor)
  return api.request<Page<Transfer>>(`/api/v1/transfers?${params}`)
}

export function getTransfer(id: string): Promise<Transfer> {
  return api.request<Transfer>(base(id))
}

export function updateTransfer(id: string, change: { expires_at?: string; title?: string }): Promise<Transfer> {
  return api.request<Transfer>(base(id), { method: 'PATCH', json: change })
}

export function revokeTransfer(id: string): Promise<void> {
  return api.request<void>(base(id), { method: 'DELETE' })
}

export function transferRecipients(id: string): Promise<{ items: Recipient[] }> {
  return api.request<{ items: Recipient[] }>(`${base(id)}/recipients`)
}

export function transferActivity(id: string): Promise<Page<Activity>> {
  return api.request<Page<Activity>>(`${base(id)}/activity?limit=50`)
}

export function notifyRecipients(
  id: string,
  link: LinkOptions,
): Promise<{ link: ShareLink; recipients: number; mail: string }> {
  return api.request(`${base(id)}/notify`, { json: link })
}

/** Turns the share page's previews on or off for an existing link (the access-rules PATCH). */
export function updateLinkPreviews(id: string, linkId: string, showPreviews: boolean): Promise<ShareLink> {
  return api.request<ShareLink>(`${base(id)}/shares/${encodeURIComponent(linkId)}`, {
    method: 'PATCH',
    json: { show_previews: showPreviews },
  })
}

export function revokeLink(id: string, linkId: string): Promise<void> {
  return api.request<void>(`${base(id)}/shares/${encodeURIComponent(linkId)}`, { method: 'DELETE' })
}
