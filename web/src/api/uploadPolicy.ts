import { defineMessages } from 'react-intl'
import { translate } from '../i18n/current'
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

const REFUSAL = defineMessages({
  namedRule: { id: 'api.uploadPolicy.namedRule', defaultMessage: 'Upload policy rule {number} ("{name}")' },
  rule: { id: 'api.uploadPolicy.rule', defaultMessage: 'Upload policy rule {number}' },
  deniedExtension: {
    id: 'api.uploadPolicy.deniedExtension',
    defaultMessage: '{rule} does not allow files ending in {extensions}.',
  },
  allowedExtensions: {
    id: 'api.uploadPolicy.allowedExtensions',
    defaultMessage: '{rule} allows only files ending in {extensions}.',
  },
  tooSmall: {
    id: 'api.uploadPolicy.tooSmall',
    defaultMessage: '{rule} requires at least {min} bytes; this file has {size}.',
  },
  tooLarge: {
    id: 'api.uploadPolicy.tooLarge',
    defaultMessage: '{rule} allows at most {max} bytes; this file has {size}.',
  },
})

/**
 * Why the server would refuse a file of this name and size, in the UI's language and worded
 * as the server words it (422 /problems/upload-policy), or null. Types are judged by the
 * server from the content once the first bytes arrive; a browser only knows the name, so
 * they are not checked here. Byte counts stay unformatted, as the server writes them.
 */
export function policyRefusal(rules: readonly NumberedRule[], name: string, size: number): string | null {
  const lower = name.toLowerCase()
  for (const rule of rules) {
    const allowed = (rule.allowed_extensions ?? []).map((e) => e.toLowerCase())
    const denied = (rule.denied_extensions ?? []).map((e) => e.toLowerCase())
    const label = () =>
      rule.name != null
        ? translate(REFUSAL.namedRule, { number: String(rule.number), name: rule.name })
        : translate(REFUSAL.rule, { number: String(rule.number) })
    if ((allowed.length > 0 && !allowed.some((e) => lower.endsWith(e))) || denied.some((e) => lower.endsWith(e))) {
      return allowed.length === 0
        ? translate(REFUSAL.deniedExtension, { rule: label(), extensions: denied.join(', ') })
        : translate(REFUSAL.allowedExtensions, { rule: label(), extensions: allowed.join(', ') })
    }
    if (rule.min_size != null && size < rule.min_size) {
      return translate(REFUSAL.tooSmall, { rule: label(), min: String(rule.min_size), size: String(size) })
    }
    if (rule.max_size != null && size > rule.max_size) {
      return translate(REFUSAL.tooLarge, { rule: label(), max: String(rule.max_size), size: String(size) })
    }
  }
  return null
}
