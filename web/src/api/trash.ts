import { api } from './client'
import type { FileItem, Received, Schemas } from './types'

export type TrashedFile = Received<
  Schemas['TrashView'],
  'id' | 'name' | 'folder' | 'path' | 'size' | 'trashed_at' | 'purge_at'
>

export type TrashPage = Omit<Received<Schemas['TrashPage']>, 'items'> & { items: TrashedFile[] }

export function listTrash(cursor?: string | null): Promise<TrashPage> {
  const params = new URLSearchParams({ limit: '100' })
  if (cursor) params.set('cursor', cursor)
  return api.request<TrashPage>(`/api/v1/trash?${params}`)
}

export function restoreTrashed(id: string): Promise<FileItem> {
  return api.request<FileItem>(`/api/v1/trash/${encodeURIComponent(id)}/restore`, { method: 'POST' })
}

export function deleteForever(id: string): Promise<void> {
  return api.request<void>(`/api/v1/trash/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function emptyTrash(): Promise<{ purged: number }> {
  return api.request<{ purged: number }>('/api/v1/trash', { method: 'DELETE' })
}
