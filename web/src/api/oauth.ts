import { defineMessages, type MessageDescriptor } from 'react-intl'
import { api } from './client'
import type { Items, Received, Schemas } from './types'

/** What an app's authorization request asks, as the consent screen shows it. */
export type ConsentQuestion = Received<
  Schemas['ConsentQuestion'],
  'app_id' | 'app_name' | 'scopes' | 'requested_scopes' | 'redirect_uri'
>

export type AuthorizedApp = Received<
  Schemas['AuthorizedApp'],
  'id' | 'app_id' | 'app_name' | 'scopes' | 'created_at' | 'last_used_at'
>

/** The authorization request's parameters, passed on from the page's query string. */
const PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
] as const

export function consentParams(search: URLSearchParams): Record<string, string> {
  const params: Record<string, string> = {}
  for (const name of PARAMS) {
    const value = search.get(name)
    if (value !== null) params[name] = value
  }
  return params
}

export const describeConsent = (params: Record<string, string>) =>
  api.request<ConsentQuestion>(`/api/v1/oauth/consent?${new URLSearchParams(params).toString()}`)

/** Answers where to send the browser: the app's redirect URI with a code or an error. */
export const answerConsent = (params: Record<string, string>, approve: boolean) =>
  api
    .request<{ redirect_to: string }>('/api/v1/oauth/consent', { json: { ...params, approve } })
    .then((r) => r.redirect_to)

export const listAuthorizedApps = () =>
  api.request<Items<AuthorizedApp>>('/api/v1/oauth/authorizations').then((r) => r.items)

export const revokeAuthorizedApp = (id: string) =>
  api.request<void>(`/api/v1/oauth/authorizations/${encodeURIComponent(id)}`, { method: 'DELETE' })

/** Each scope in plain words. */
export const SCOPE_WORDS: Record<string, MessageDescriptor> = defineMessages({
  read: { id: 'api.oauth.scope.read', defaultMessage: 'See your files and folders and download them' },
  write: { id: 'api.oauth.scope.write', defaultMessage: 'Upload, rename, move and delete your files' },
  share: {
    id: 'api.oauth.scope.share',
    defaultMessage: 'Share your files: create links, transfers and upload requests',
  },
})
