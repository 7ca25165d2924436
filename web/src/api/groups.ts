import { api } from './client'
import type { Received, Schemas } from './types'

export type GroupMember = Received<Schemas['MemberView'], 'user_id'>

export type Group = Omit<Received<Schemas['GroupView'], 'id' | 'name' | 'created_at'>, 'members'> & {
  members: GroupMember[]
}

const path = (id?: string) => `/api/v1/admin/groups${id ? `/${encodeURIComponent(id)}` : ''}`

export const listGroups = () => api.request<{ items: Group[] }>(path()).then((page) => page.items)

export const createGroup = (name: string) => api.request<Group>(path(), { json: { name } })

export const renameGroup = (id: string, name: string) =>
  api.request<Group>(path(id), { method: 'PATCH', json: { name } })

export const deleteGroup = (id: string) => api.request<void>(path(id), { method: 'DELETE' })

export const addMember = (id: string, email: string) => api.request<Group>(`${path(id)}/members`, { json: { email } })

export const removeMember = (id: string, userId: string) =>
  api.request<void>(`${path(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' })
