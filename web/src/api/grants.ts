import { downloadWithTicket } from '../lib/download'
import { api } from './client'
import type { Received, Schemas } from './types'

export type GrantObject = 'file' | 'transfer'
export type Permission = 'view' | 'download' | 'edit'

/** `grantee_name` is the user's email or the group's name; none when the account or group is gone. */
export type Grant = Omit<
  Received<Schemas['GrantView'], 'id' | 'object_id' | 'grantee_id' | 'created_at'>,
  'object_type' | 'grantee_type' | 'permission'
> & {
  object_type: GrantObject
  grantee_type: 'user' | 'group'
  permission: Permission
}

export type Grantee = { email: string } | { user_id: string } | { group_id: string }

export type SharedFile = Received<Schemas['SharedFile'], 'id' | 'name' | 'size'>

export type SharedItem = Omit<
  Received<Schemas['SharedItem'], 'grant_id' | 'id' | 'name' | 'size' | 'granted_at'>,
  'type' | 'permission' | 'files'
> & {
  type: GrantObject
  permission: Permission
  files?: SharedFile[] | null
}

export type GroupName = Received<Schemas['GroupName'], 'id' | 'name'>

const base = (type: GrantObject, id: string) =>
  `/api/v1/${type === 'file' ? 'files' : 'transfers'}/${encodeURIComponent(id)}/grants`

export const listGrants = (type: GrantObject, id: string) =>
  api.request<{ items: Grant[] }>(base(type, id)).then((page) => page.items)

/** Granting the same grantee again changes the permission, so this both adds and edits. */
export const grant = (type: GrantObject, id: string, grantee: Grantee, permission: Permission) =>
  api.request<Grant>(base(type, id), { json: { ...grantee, permission } })

export const revokeGrant = (type: GrantObject, id: string, grantId: string) =>
  api.request<void>(`${base(type, id)}/${encodeURIComponent(grantId)}`, { method: 'DELETE' })

/** Group ids and names anyone who may share can pick from; members are admin-only. */
export const groupDirectory = () => api.request<{ items: GroupName[] }>('/api/v1/groups').then((page) => page.items)

export const sharedWithMe = () =>
  api.request<{ items: SharedItem[] }>('/api/v1/shared-with-me').then((page) => page.items)

export function sharedDownloadUrl(fileId: string): string {
  return `/api/v1/shared-with-me/files/${encodeURIComponent(fileId)}/download`
}

/** A native browser download through a download ticket, like the Files page. */
export function downloadShared(file: Pick<SharedFile, 'id'>): Promise<void> {
  return downloadWithTicket(sharedDownloadUrl(file.id))
}

/** The permissions from least to most; their words are messages in src/grants/permissions.ts. */
export const PERMISSIONS: readonly Permission[] = ['view', 'download', 'edit']
