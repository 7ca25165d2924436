import type { DownloadTicket } from '../lib/download'
import type { ChallengeV1 } from 'altcha/types'
import { ApiError, api } from './client'
import type { Received, Schemas } from './types'

export type PublicShare = Omit<
  Received<
    Schemas['ShareInfo'],
    | 'title'
    | 'total_size'
    | 'expires_at'
    | 'password_required'
    | 'email_verification_required'
    | 'unlocked'
    | 'captcha_required'
  >,
  'files'
> & { files: Received<Schemas['FileItem'], 'id' | 'name' | 'size' | 'preview'>[] }

export type ShareSession = Received<Schemas['PublicShareSessionView'], 'session_token' | 'expires_at'>

/** What new links and upload requests get for settings their creator leaves out. */
export type LinkDefaults = Received<Schemas['LinkDefaults'], 'captcha' | 'max_days'>

export function getLinkDefaults(): Promise<LinkDefaults> {
  return api.request<LinkDefaults>('/api/v1/link-defaults')
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

export function getChallenge(token: string): Promise<ChallengeV1> {
  return api.request<ChallengeV1>(`${base(token)}/challenge`, { auth: false })
}

export function solveCaptcha(token: string, payload: string): Promise<ShareSession> {
  return api.request<ShareSession>(`${base(token)}/captcha`, { auth: false, json: { payload } })
}

/** With the session of the steps before (proof of work, password), where the link has them. */
export function requestCode(token: string, email: string, session: string | null): Promise<unknown> {
  return api.request(`${base(token)}/verify-email`, { auth: false, json: { email }, headers: sessionHeaders(session) })
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

/**
 * A shared file's preview as an object URL (the caller revokes it), or null when the link
 * shows none: the session travels in a header, so it cannot be a plain <img src>.
 */
export async function sharePreviewUrl(
  token: string,
  fileId: string,
  session: string | null,
  signal?: AbortSignal,
): Promise<string | null> {
  try {
    const response = await api.send(`${base(token)}/files/${encodeURIComponent(fileId)}/preview`, {
      auth: false,
      headers: sessionHeaders(session),
      ...(signal ? { signal } : {}),
    })
    return URL.createObjectURL(await response.blob())
  } catch {
    return null
  }
}

export function shareZipUrl(token: string): string {
  return `${base(token)}/download`
}

export { sessionHeaders }
