import { api } from './client'
import type { AuditPage, ChainStatus, Invitation, Received, Role, Schemas, UserInfo, UserPage } from './types'

export function listUsers(cursor?: string | null): Promise<UserPage> {
  const params = new URLSearchParams({ limit: '100' })
  if (cursor) params.set('cursor', cursor)
  return api.request<UserPage>(`/api/v1/admin/users?${params}`)
}

export const createUser = (body: {
  email: string
  password: string
  name?: string
  role: Role
  quota_bytes?: number | null
}) => api.request<UserInfo>('/api/v1/admin/users', { json: body })

export const updateUser = (
  id: string,
  body: {
    name?: string | null
    role?: Role
    quota_bytes?: number | null
    allowed_ips?: string[]
    allowed_countries?: string[]
    denied_countries?: string[]
  },
) => api.request<UserInfo>(`/api/v1/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', json: body })

export const getUser = (id: string) => api.request<UserInfo>(`/api/v1/admin/users/${encodeURIComponent(id)}`)

export const suspendUser = (id: string, suspend: boolean) =>
  api.request<UserInfo>(`/api/v1/admin/users/${encodeURIComponent(id)}/${suspend ? 'suspend' : 'unsuspend'}`, {
    method: 'POST',
  })

export const inviteUser = (body: { email: string; role: Role }) =>
  api.request<Invitation>('/api/v1/admin/invitations', { json: body })

export interface AuditFilters {
  from?: string
  to?: string
  actor?: string
  action?: string
  object?: string
  object_type?: string
  outcome?: string
}

export function auditParams(filters: AuditFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value && value.trim()) params.set(key, value.trim())
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params
}

export const searchAudit = (filters: AuditFilters, cursor: string | null, limit = 50) =>
  api.request<AuditPage>(
    `/api/v1/admin/audit-logs?${auditParams(filters, cursor ? { cursor, limit: String(limit) } : { limit: String(limit) })}`,
  )

export const verifyAudit = () => api.request<ChainStatus>('/api/v1/admin/audit-logs/verify')

export const auditExportPath = (filters: AuditFilters, format: 'csv' | 'ndjson') =>
  `/api/v1/admin/audit-logs/export?${auditParams(filters, { format })}`

export const myActivity = (cursor: string | null) =>
  api.request<AuditPage>(
    `/api/v1/me/activity?${new URLSearchParams(cursor ? { cursor, limit: '20' } : { limit: '20' })}`,
  )

/**
 * `require_2fa`: none, all, or a comma-separated list of roles. `source` environment:
 * FERRY_REQUIRE_2FA is in force; admin: an administrator set it here.
 */
export type SecurityPolicy = Omit<Received<Schemas['View'], 'require_2fa'>, 'require_2fa_roles' | 'source'> & {
  require_2fa_roles: Role[]
  source: 'environment' | 'admin'
}

export const getSecurityPolicy = () => api.request<SecurityPolicy>('/api/v1/admin/security-policy')

export const saveSecurityPolicy = (require2fa: string) =>
  api.request<SecurityPolicy>('/api/v1/admin/security-policy', { method: 'PUT', json: { require_2fa: require2fa } })

export const resetTwoFactor = (userId: string) =>
  api.request<void>(`/api/v1/admin/users/${encodeURIComponent(userId)}/2fa/reset`, { method: 'POST' })
