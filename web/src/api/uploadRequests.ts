import type { ChallengeV1 } from 'altcha/types'
import { api } from './client'
import type { Received, Schemas } from './types'

export type UploadRequest = Received<
  Schemas['RequestView'],
  | 'id'
  | 'title'
  | 'status'
  | 'folder'
  | 'password_required'
  | 'allowed_emails'
  | 'allowed_types'
  | 'files_received'
  | 'bytes_received'
  | 'expires_at'
  | 'created_at'
  | 'captcha'
>

export type ReceivedFile = Omit<
  Received<Schemas['ArrivalView'], 'file_id' | 'name' | 'size' | 'created_at'>,
  'status'
> & {
  status: 'uploading' | 'complete'
}

export type PublicUploadRequest = Received<
  Schemas['PublicView'],
  'title' | 'allowed_types' | 'expires_at' | 'password_required' | 'email_verification_required' | 'captcha_required'
>

const base = '/api/v1/upload-requests'

export function createUploadRequest(body: {
  title: string
  message?: string
  password?: string
  max_files: number
  max_total_bytes: number
  expires_at?: string
  captcha?: boolean
  allowed_emails?: string[]
  allowed_ips?: string[]
  allowed_countries?: string[]
  denied_countries?: string[]
}): Promise<UploadRequest> {
  return api.request<UploadRequest>(base, { json: body })
}

export function listUploadRequests(): Promise<{ items: UploadRequest[]; next_cursor: string | null }> {
  return api.request(`${base}?limit=100`)
}

export function receivedFiles(id: string): Promise<{ items: ReceivedFile[] }> {
  return api.request(`${base}/${encodeURIComponent(id)}/files`)
}

export function closeUploadRequest(id: string): Promise<void> {
  return api.request<void>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function getPublicRequest(token: string): Promise<PublicUploadRequest> {
  return api.request<PublicUploadRequest>(`${base}/public/${encodeURIComponent(token)}`, { auth: false })
}

export function getRequestChallenge(token: string): Promise<ChallengeV1> {
  return api.request<ChallengeV1>(`${base}/public/${encodeURIComponent(token)}/challenge`, { auth: false })
}

export function solveRequestCaptcha(token: string, payload: string): Promise<{ session_token: string }> {
  return api.request(`${base}/public/${encodeURIComponent(token)}/captcha`, { auth: false, json: { payload } })
}

export function openRequestSession(
  token: string,
  password?: string,
): Promise<{ session_token: string; expires_at: string }> {
  return api.request(`${base}/public/${encodeURIComponent(token)}/session`, {
    auth: false,
    json: password ? { password } : {},
  })
}

/** Mails a code to the address if the request allows it; answers the same either way. */
export function requestUploadCode(token: string, email: string): Promise<unknown> {
  return api.request(`${base}/public/${encodeURIComponent(token)}/verify-email`, { auth: false, json: { email } })
}

export function confirmUploadCode(
  token: string,
  email: string,
  code: string,
  password?: string,
): Promise<{ session_token: string; expires_at: string }> {
  return api.request(`${base}/public/${encodeURIComponent(token)}/verify-email/confirm`, {
    auth: false,
    json: password ? { email, code, password } : { email, code },
  })
}
