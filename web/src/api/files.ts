import { downloadWithTicket } from '../lib/download'
import { api } from './client'
import type { FileItem, FilePage } from './types'

export type SortField = 'name' | 'size' | 'created_at'

export interface FileListQuery {
  folder: string
  name?: string
  type?: string
  minSize?: number
  maxSize?: number
  createdAfter?: string
  recursive?: boolean
  tag?: string
  sort: SortField
  order: 'asc' | 'desc'
  cursor?: string | null
  limit?: number
}

export function fileListParams(query: FileListQuery): URLSearchParams {
  const params = new URLSearchParams()
  params.set('path', query.folder)
  if (query.name) params.set('name', query.name)
  if (query.type) params.set('type', query.type)
  if (query.minSize !== undefined) params.set('min_size', String(query.minSize))
  if (query.maxSize !== undefined) params.set('max_size', String(query.maxSize))
  if (query.createdAfter) params.set('created_after', query.createdAfter)
  if (query.recursive) params.set('recursive', 'true')
  if (query.tag) params.set('tag', query.tag)
  params.set('sort', query.sort)
  params.set('order', query.order)
  if (query.cursor) params.set('cursor', query.cursor)
  params.set('limit', String(query.limit ?? 100))
  return params
}

export function listFiles(query: FileListQuery, signal?: AbortSignal): Promise<FilePage> {
  return api.request<FilePage>(`/api/v1/files?${fileListParams(query)}`, signal ? { signal } : {})
}

/** Creates an empty folder (409 folder-exists when it is there already, path-taken when a file has its path). */
export function createFolder(path: string): Promise<{ path: string; created_at: string }> {
  return api.request(`/api/v1/folders`, { json: { path } })
}

/** Deletes an empty folder (409 folder-not-empty when anything lies in it, 404 folder-not-found). */
export function deleteFolder(path: string): Promise<void> {
  return api.request<void>(`/api/v1/folders?path=${encodeURIComponent(path)}`, { method: 'DELETE' })
}

export function updateFile(id: string, change: { name?: string; folder?: string }): Promise<FileItem> {
  return api.request<FileItem>(`/api/v1/files/${encodeURIComponent(id)}`, { method: 'PATCH', json: change })
}

export function deleteFile(id: string): Promise<void> {
  return api.request<void>(`/api/v1/files/${encodeURIComponent(id)}`, { method: 'DELETE' })
}

export function downloadUrl(id: string): string {
  return `/api/v1/files/${encodeURIComponent(id)}/download`
}

/** Starts a native browser download of the file (through a download ticket). */
export function downloadFile(file: Pick<FileItem, 'id'>): Promise<void> {
  return downloadWithTicket(downloadUrl(file.id))
}

/** Content types the server makes previews of (see docs/files.md, Previews). */
export function mayHavePreview(contentType: string | null | undefined): boolean {
  const type = contentType ?? ''
  if (type === 'image/svg+xml' || type === 'text/html' || type === 'application/xhtml+xml') return false
  return (
    ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/webp', 'image/tiff', 'application/pdf'].includes(
      type,
    ) ||
    type.startsWith('text/') ||
    type === 'application/json'
  )
}

/**
 * The file's preview as an object URL (the caller revokes it), or null while there is none
 * (404): the image needs the bearer token, so it cannot be a plain <img src>.
 */
export async function previewUrl(id: string, signal?: AbortSignal): Promise<string | null> {
  try {
    const response = await api.send(`/api/v1/files/${encodeURIComponent(id)}/preview`, signal ? { signal } : {})
    return URL.createObjectURL(await response.blob())
  } catch {
    return null
  }
}
