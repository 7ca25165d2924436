import { saveGenerated } from '../lib/download'
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

/**
 * The ZIP is a POST (the ids are the body), so no download ticket can start it: the page
 * receives it and saves it.
 */
export async function downloadZip(ids: string[]): Promise<void> {
  const response = await api.send('/api/v1/files/bulk', { method: 'POST', json: { operation: 'zip', ids } })
  saveGenerated(await response.blob(), 'files.zip')
}
