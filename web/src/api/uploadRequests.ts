import { api } from './client'

export interface UploadRequest {
  id: string
  token?: string | null
  url?: string | null
  title: string
  message: string | null
  status: string
  folder: string
  password_required: boolean
  allowed_emails: string[]
  allowed_types: string[]
  max_files: number | null
  max_total_bytes: number | null
  files_received: number
  bytes_received: number
  expires_at: string
  created_at: string
  revoked_at: string | null
}

export interface ReceivedFile {
  file_id: string
  name: string
  size: number
  uploader_email: string | null
  status: 'uploading' | 'complete'
  created_at: string
  completed_at: string | null
}

export interface PublicUploadRequest {
  title: string
  message: string | null
  owner_name: string | null
  max_files: number | null
  max_total_bytes: number | null
  allowed_types: string[]
  files_left: number | null
  bytes_left: number | null
  expires_at: string
  password_required: boolean
  email_verification_required: boolean
}

const base = '/api/v1/upload-requests'

export function createUploadRequest(body: {
  title: string
  message?: string
  password?: string
  max_files: number
  max_total_bytes: number
  expires_at?: string
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

export function openRequestSession(
  token: string,
  password?: string,
): Promise<{ session_token: string; expires_at: string }> {
  return api.request(`${base}/public/${encodeURIComponent(token)}/session`, {
    auth: false,
    json: password ? { password } : {},
  })
}
