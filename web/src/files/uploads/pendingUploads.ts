import { api } from '../../api/client'

/** What tus-js-client keeps in localStorage for an upload it can resume (its WebStorageUrlStorage). */
export interface PendingUpload {
  key: string
  name: string
  folder: string
  size: number
  uploadUrl: string
  creationTime: string
}

const PREFIX = 'tus::'

export function readPendingUploads(storage: Storage = localStorage): PendingUpload[] {
  const found: PendingUpload[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(PREFIX)) continue
    try {
      const entry = JSON.parse(storage.getItem(key) ?? '') as {
        size?: number
        metadata?: Record<string, string>
        uploadUrl?: string
        creationTime?: string
      }
      if (!entry.uploadUrl || typeof entry.size !== 'number') continue
      found.push({
        key,
        name: entry.metadata?.filename ?? entry.metadata?.name ?? 'file',
        folder: entry.metadata?.folder ?? '/',
        size: entry.size,
        uploadUrl: entry.uploadUrl,
        creationTime: entry.creationTime ?? '',
      })
    } catch {
      // Another app's or a corrupt entry: not ours to show.
    }
  }
  return found.sort((a, b) => b.creationTime.localeCompare(a.creationTime))
}

/** The bytes the server holds for an unfinished upload (tus HEAD), or null when it is gone. */
export async function serverOffset(upload: PendingUpload): Promise<number | null> {
  try {
    const response = await api.send(upload.uploadUrl, { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } })
    const offset = Number(response.headers.get('Upload-Offset'))
    return Number.isFinite(offset) ? offset : null
  } catch {
    return null
  }
}

/** Stops an unfinished upload for good: the server frees its partial data (tus termination). */
export async function discardPendingUpload(upload: PendingUpload, storage: Storage = localStorage): Promise<void> {
  storage.removeItem(upload.key)
  try {
    await api.send(upload.uploadUrl, { method: 'DELETE', headers: { 'Tus-Resumable': '1.0.0' } })
  } catch {
    // Already expired or gone: nothing left to free.
  }
}

/** Forgets every resumable upload this browser knows of (their server side expires by itself). */
export function forgetAllPendingUploads(storage: Storage = localStorage): void {
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(PREFIX)) keys.push(key)
  }
  keys.forEach((key) => storage.removeItem(key))
}

export function forgetPendingUpload(upload: PendingUpload, storage: Storage = localStorage): void {
  storage.removeItem(upload.key)
}
