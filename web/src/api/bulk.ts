import { downloadWithTicket } from '../lib/download'
import { api } from './client'
import type { Received, Schemas } from './types'

export type BulkJob = Received<
  Schemas['JobView'],
  'id' | 'operation' | 'status' | 'total' | 'done' | 'skipped' | 'failed'
>

export type BulkChange =
  | { operation: 'move'; folder: string; on_conflict?: 'keep_both' | 'replace' | 'skip' }
  | { operation: 'delete' }
  | { operation: 'tag'; tags: string[] }

/** Finished for a small set; still running (poll {@link bulkJob}) for a large one. */
export function startBulk(ids: string[], change: BulkChange): Promise<BulkJob> {
  return api.request<BulkJob>('/api/v1/files/bulk', { method: 'POST', json: { ...change, ids } })
}

export function bulkJob(id: string, signal?: AbortSignal): Promise<BulkJob> {
  return api.request<BulkJob>(`/api/v1/files/bulk/${encodeURIComponent(id)}`, signal ? { signal } : {})
}

export const jobFinished = (job: BulkJob) => job.status !== 'running'

/** A registered ZIP set: where its archive streams from, for a download ticket. */
export type ZipSet = Received<Schemas['ZipSetView'], 'id' | 'count' | 'download_url' | 'expires_at'>

/**
 * The ids of a ZIP do not fit in a URL, so they are registered first (checked by the server
 * for a few minutes); then the browser downloads the set natively with a ticket, streaming
 * the archive to disk rather than through this page's memory.
 */
export async function downloadZip(ids: string[]): Promise<void> {
  const set = await api.request<ZipSet>('/api/v1/files/zips', { json: { ids } })
  await downloadWithTicket(set.download_url)
}
