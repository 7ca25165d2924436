export type Role = 'admin' | 'user' | 'guest'

export interface Me {
  id: string
  email: string
  name?: string | null
  role: Role
  scopes: string[]
  api_key_id?: string | null
}

export interface SessionInfo {
  id: string
  user_agent: string | null
  ip: string | null
  created_at: string
  last_used_at: string | null
  expires_at: string
  current: boolean
}

export interface ApiKey {
  id: string
  name: string
  prefix: string
  scopes: string[]
  created_at: string
  expires_at: string | null
  last_used_at: string | null
}

export interface CreatedApiKey {
  id: string
  key: string
  name: string
  prefix: string
  scopes: string[]
  created_at: string
  expires_at: string | null
}

export interface Items<T> {
  items: T[]
}

export interface UserInfo {
  id: string
  email: string
  name: string | null
  role: Role
  status: 'active' | 'suspended'
  quota_bytes: number | null
  used_bytes?: number | null
  created_at: string
  updated_at: string
}

export interface Invitation {
  id: string
  token: string
  url: string
  email: string
  role: Role
  created_at: string
  expires_at: string
}

export interface UserPage {
  items: UserInfo[]
  next_cursor: string | null
}

export interface FileItem {
  id: string
  name: string
  folder: string
  path: string
  content_type: string | null
  size: number
  sha256: string | null
  created_at: string
  modified_at: string
}

export interface FolderItem {
  name: string
  path: string
}

export interface FilePage {
  items: FileItem[]
  folders?: FolderItem[]
  next_cursor?: string | null
}

export interface AuditEntry {
  id: string
  seq: number
  time: string
  actor: { type: string | null; id: string | null; label: string | null }
  action: string
  object: { type: string | null; id: string | null }
  outcome: 'success' | 'failure' | 'denied' | string
  ip: string | null
  user_agent: string | null
  request_id: string | null
  details: Record<string, unknown>
  hash: string | null
}

export interface AuditPage {
  items: AuditEntry[]
  next_cursor: string | null
}

export interface ChainStatus {
  valid: boolean
  first_invalid_id: string | null
  checked: number
  reason: string | null
}
