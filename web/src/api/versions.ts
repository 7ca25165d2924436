import { downloadWithTicket } from '../lib/download'
import { api } from './client'
import type { FileItem, Received, Schemas } from './types'

export type FileVersion = Received<Schemas['VersionView'], 'version' | 'current' | 'size' | 'created_at'>

const base = (id: string) => `/api/v1/files/${encodeURIComponent(id)}/versions`

/** Newest first: the current content, then the kept older versions. */
export async function listVersions(id: string): Promise<FileVersion[]> {
  return (await api.request<{ items: FileVersion[] }>(base(id))).items
}

/** A native download of one version through a download ticket, streamed to disk. */
export function downloadVersion(id: string, version: number): Promise<void> {
  return downloadWithTicket(`${base(id)}/${version}/download`)
}

/** Makes the version the current content; the content it replaces is kept as a version. */
export function restoreVersion(id: string, version: number): Promise<FileItem> {
  return api.request<FileItem>(`${base(id)}/${version}/restore`, { method: 'POST' })
}
