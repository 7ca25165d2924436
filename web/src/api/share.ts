import type { DownloadTicket } from '../lib/download'
import { ApiError, api } from './client'

export interface PublicShare {
  title: string
  message: string | null
  sender_name: string | null
  sender_email?: string | null
  files: { id: string; name: string; size: number; content_type: string | null; age?: boolean }[]
  total_size: number
  expires_at: string
  downloads_left: number | null
  password_required: boolean
  email_verification_required: boolean
  unlocked: boolean
  verified_email: string | null
  /** End-to-end encrypted: age files, names and message in `manifest` (base64 age, once unlocked). */
  e2e?: boolean
  manifest?: string | null
}

export interface ShareSession {
  session_token: string
  expires_at: string
  email?: string | null
}

/** What the public page shows instead of the files, from the problem `type` the server answered. */
export type ShareProblem = 'not-found' | 'expired' | 'exhausted' | 'session-invalid' | 'other'

export function shareProblem(error: unknown): ShareProblem {
  if (!(error instanceof ApiError)) return 'other'
  const type = error.problem.type ?? ''
  if (type.endsWith('/share-not-found') || error.status === 404) return 'not-found'
  if (type.endsWith('/share-expired')) return 'expired'
  if (type.endsWith('/share-exhausted')) return 'exhausted'
  if (type.endsWith('/share-session-invalid')) return 'session-invalid'
  return 'other'
}

const base = (token: string) => `/api/v1/share/${encodeURIComponent(token)}`
const sessionHeaders = (session: string | null): Record<string, string> =>
  session ? { 'X-Share-Session': session } : {}

export function getShare(token: string, session: string | null): Promise<PublicShare> {
  return api.request<PublicShare>(base(token), { auth: false, headers: sessionHeaders(session) })
}

export function unlockShare(token: string, password?: string): Promise<ShareSession> {
  return api.request<ShareSession>(`${base(token)}/unlock`, { auth: false, json: password ? { password } : {} })
}

export function requestCode(token: string, email: string): Promise<unknown> {
  return api.request(`${base(token)}/verify-email`, { auth: false, json: { email } })
}

export function confirmCode(token: string, email: string, code: string, session: string | null): Promise<ShareSession> {
  return api.request<ShareSession>(`${base(token)}/verify-email/confirm`, {
    auth: false,
    json: { email, code },
    headers: sessionHeaders(session),
  })
}

/** A download ticket for the unlocked session: one file, or the ZIP of all when fileId is null. */
export function shareTicket(token: string, session: string, fileId: string | null): Promise<DownloadTicket> {
  return api.request<DownloadTicket>(`${base(token)}/download-tickets`, {
    auth: false,
    json: fileId ? { file_id: fileId } : {},
    headers: sessionHeaders(session),
  })
}

export function shareFileUrl(token: string, fileId: string): string {
  return `${base(token)}/files/${encodeURIComponent(fileId)}/download`
}

export function shareZipUrl(token: string): string {
  return `${base(token)}/download`
}

export { sessionHeaders }
