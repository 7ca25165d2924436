import { api } from './client'

export type TransferStatus = 'active' | 'expired' | 'revoked'
export type LinkStatus = 'active' | 'expired' | 'exhausted' | 'revoked'

export interface TransferFile {
  id: string
  name: string
  size: number
  content_type: string | null
  available: boolean
}

export interface ShareLink {
  id: string
  token?: string | null
  url?: string | null
  status: LinkStatus
  created_at: string
  expires_at: string
  max_downloads: number | null
  downloads: number
  downloads_left: number | null
  password_required: boolean
  require_email_verification: boolean
  notify_on_download: boolean
  revoked_at: string | null
}

export interface Transfer {
  id: string
  title: string
  message: string | null
  status: TransferStatus
  expires_at: string
  created_at: string
  updated_at: string
  files: TransferFile[]
  total_size: number
  recipients: string[]
  show_sender_email: boolean
  notify_sender: boolean
  delete_files_on_expiry: boolean
  first_download_at: string | null
  purged_at: string | null
  shares: ShareLink[]
  link?: ShareLink | null
  mail?: string | null
  /** End-to-end encrypted: the files are age files and `manifest` holds names and message. */
  e2e?: boolean
  manifest?: string | null
}

export interface LinkOptions {
  expires_at?: string
  max_downloads?: number
  password?: string
  require_email_verification?: boolean
  notify_on_download?: boolean
}

export interface NewTransfer {
  title: string
  message?: string
  file_ids: string[]
  recipients: string[]
  expires_at?: string
  notify_recipients?: boolean
  link: LinkOptions
  e2e?: boolean
  manifest?: string
}

export interface Recipient {
  email: string
  notified_at: string | null
  verified_at: string | null
  downloaded_at: string | null
}

export interface Activity {
  id: string
  link_id: string
  file_id: string | null
  file_name: string | null
  kind: 'file' | 'zip'
  email: string | null
  ip: string | null
  user_agent: string | null
  bytes: number
  completed: boolean
  started_at: string
  finished_at: string | null
}

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

export function revokeLink(id: string, linkId: string): Promise<void> {
  return api.request<void>(`${base(id)}/shares/${encodeURIComponent(linkId)}`, { method: 'DELETE' })
}
