import { api } from './client'
import type { Received, Schemas } from './types'

/** One rule of the upload policy, as the admin endpoints send it. */
export type UploadRule = Received<Schemas['UploadRule']>

/** A rule that applies to the caller, with its number in the whole policy. */
export type NumberedRule = Received<Schemas['NumberedRule'], 'number'>

export const myUploadPolicy = () =>
  api.request<{ rules: NumberedRule[] }>('/api/v1/upload-policy').then((policy) => policy.rules)

export const adminUploadPolicy = () =>
  api.request<{ rules: UploadRule[] }>('/api/v1/admin/upload-policy').then((policy) => policy.rules)

export const saveUploadPolicy = (rules: UploadRule[]) =>
  api
    .request<{ rules: UploadRule[] }>('/api/v1/admin/upload-policy', { method: 'PUT', json: { rules } })
    .then((policy) => policy.rules)

/**
 * Why the server would refuse a file of this name and size, in the server's words
 * (422 /problems/upload-policy), or null. Types are judged by the server from the content
 * once the first bytes arrive; a browser only knows the name, so they are not checked here.
 */
export function policyRefusal(rules: readonly NumberedRule[], name: string, size: number): string | null {
  const lower = name.toLowerCase()
  for (const rule of rules) {
    const allowed = (rule.allowed_extensions ?? []).map((e) => e.toLowerCase())
    const denied = (rule.denied_extensions ?? []).map((e) => e.toLowerCase())
    let reason: string | null = null
    if ((allowed.length > 0 && !allowed.some((e) => lower.endsWith(e))) || denied.some((e) => lower.endsWith(e))) {
      reason =
        allowed.length === 0
          ? `does not allow files ending in ${denied.join(', ')}.`
          : `allows only files ending in ${allowed.join(', ')}.`
    } else if (rule.min_size != null && size < rule.min_size) {
      reason = `requires at least ${rule.min_size} bytes; this file has ${size}.`
    } else if (rule.max_size != null && size > rule.max_size) {
      reason = `allows at most ${rule.max_size} bytes; this file has ${size}.`
    }
    if (reason) return `Upload policy rule ${rule.number}${rule.name != null ? ` ("${rule.name}")` : ''} ${reason}`
  }
  return null
}
