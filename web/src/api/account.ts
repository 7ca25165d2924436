import { api } from './client'
import type { ApiKey, CreatedApiKey, Items, SessionInfo } from './types'

export const listSessions = () => api.request<Items<SessionInfo>>('/api/v1/auth/sessions').then((r) => r.items)

export const revokeSession = (id: string) => api.request<void>(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' })

export const revokeOtherSessions = () => api.request<void>('/api/v1/auth/sessions', { method: 'DELETE' })

export const listApiKeys = () => api.request<Items<ApiKey>>('/api/v1/auth/api-keys').then((r) => r.items)

export const createApiKey = (body: { name: string; scopes: string[]; expires_at?: string }) =>
  api.request<CreatedApiKey>('/api/v1/auth/api-keys', { json: body })

export const revokeApiKey = (id: string) => api.request<void>(`/api/v1/auth/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' })
