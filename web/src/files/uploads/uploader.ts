import Uppy, { type Meta, type UppyFile } from '@uppy/core'
import Tus, { type TusBody } from '@uppy/tus'
import { api } from '../../api/client'
import { etaSeconds, RateMeter } from '../../lib/rate'
import { joinFolder } from '../paths'
import { forgetAllPendingUploads } from './pendingUploads'

export const UPLOADS_ENDPOINT = '/api/v1/uploads'

/**
 * 64 MiB PATCHes. Each PATCH costs a request, a stored part and a commit on the server, so
 * 8 MiB ones held a 512 MiB upload in Chromium to 0.2-0.3x the speed of curl -T to the same
 * server, against 0.45-0.5x for 32-128 MiB (bench/ui-upload.mjs, bench/README.md); 64 MiB
 * is 16 parts per GiB and stays under proxies' usual 100 MB body limits. A reload loses
 * little: the server keeps what arrived of a PATCH cut short and the upload resumes there.
 */
const CHUNK_SIZE = 64 * 1024 * 1024

export type UploadStatus = 'queued' | 'uploading' | 'paused' | 'done' | 'error'

export interface UploadItem {
  id: string
  name: string
  folder: string
  size: number
  bytesUploaded: number
  status: UploadStatus
  error: string | null
  bytesPerSecond: number
  etaSeconds: number
}

export interface UploadSnapshot {
  items: UploadItem[]
  totalBytes: number
  uploadedBytes: number
  bytesPerSecond: number
  etaSeconds: number
  active: boolean
  allPaused: boolean
}

interface FerryMeta extends Meta {
  folder: string
  on_conflict: OnConflict
}

/**
 * What an upload to a taken path does: a new version of the file there (the files page),
 * or a numbered name beside it (a transfer's file, so that an older transfer of a file of
 * that name keeps sending what it sent).
 */
export type OnConflict = 'version' | 'rename'

const EMPTY: UploadSnapshot = {
  items: [],
  totalBytes: 0,
  uploadedBytes: 0,
  bytesPerSecond: 0,
  etaSeconds: 0,
  active: false,
  allPaused: false,
}

/**
 * Uploads over tus through Uppy (no Uppy UI: the page draws its own). Files are resumable
 * across reloads: tus-js-client keeps each upload's URL in localStorage under a fingerprint
 * of the file (name, type, size, modification time, relative path), so choosing the same
 * file again continues from the server's offset instead of starting over.
 */
export class Uploader {
  private readonly uppy: Uppy<FerryMeta, TusBody>
  private readonly meters = new Map<string, RateMeter>()
  /** Where each file stood when this page first saw it uploading ({@link sentHere}). */
  private readonly baselines = new Map<string, number>()
  /** The server's own words for a refused upload (quota, type, limits), per file. */
  private readonly refusals = new Map<string, string>()
  private readonly totalMeter = new RateMeter()
  private readonly listeners = new Set<() => void>()
  private readonly completedListeners = new Set<(name: string) => void>()
  private readonly batchListeners = new Set<(result: { uploaded: number; failed: number }) => void>()
  private snapshot: UploadSnapshot = EMPTY

  constructor() {
    this.uppy = new Uppy<FerryMeta, TusBody>({
      id: 'ferry',
      autoProceed: true,
      allowMultipleUploadBatches: true,
      debug: false,
    })
    this.uppy.use(Tus, {
      endpoint: UPLOADS_ENDPOINT,
      chunkSize: CHUNK_SIZE,
      limit: 3,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      allowedMetaFields: ['name', 'type', 'folder', 'on_conflict'],
      async onBeforeRequest(req) {
        if (requestSession) return req.setHeader('X-Upload-Request', requestSession)
        const token = await api.freshToken()
        if (token) req.setHeader('Authorization', `Bearer ${token}`)
      },
      onShouldRetry(error, attempt, _options, next) {
        // An expired access token: refresh (onBeforeRequest picks the new one) and try again.
        const status = (error as { originalResponse?: { getStatus(): number } | null }).originalResponse?.getStatus()
        if (status === 401 && attempt < 2) return true
        return next(error)
      },
    })
    const refresh = () => this.recompute()
    this.uppy.on('state-update', refresh)
    this.uppy.on('upload-progress', (file, progress) => {
      if (!file) return
      this.meterFor(file.id).sample(progress.bytesUploaded, performance.now())
    })
    this.uppy.on('upload-error', (file, error) => {
      if (!file) return
      const detail = problemDetail(error)
      if (detail) this.refusals.set(file.id, detail)
      else this.refusals.delete(file.id)
      // Uppy marked the file failed (a state update) before telling listeners why.
      refresh()
    })
    this.uppy.on('file-removed', (file) => this.refusals.delete(file.id))
    this.uppy.on('upload-success', (file) => {
      if (file) this.completedListeners.forEach((listener) => listener(file.name ?? 'file'))
    })
    this.uppy.on('complete', (result) => {
      const summary = { uploaded: result.successful?.length ?? 0, failed: result.failed?.length ?? 0 }
      this.batchListeners.forEach((listener) => listener(summary))
    })
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): UploadSnapshot => this.snapshot

  /** Each finished file, as it finishes. */
  onCompleted(listener: (name: string) => void): () => void {
    this.completedListeners.add(listener)
    return () => this.completedListeners.delete(listener)
  }

  /** Each batch of files added together, once all of them succeeded or failed. */
  onBatchDone(listener: (result: { uploaded: number; failed: number }) => void): () => void {
    this.batchListeners.add(listener)
    return () => this.batchListeners.delete(listener)
  }

  /**
   * Queues files for the folder; a file picked from a folder (or dropped with one) keeps
   * its sub-folders below the destination.
   */
  add(files: readonly File[], folder: string, onConflict: OnConflict = 'version'): void {
    for (const file of files) {
      const relative = relativePathOf(file)
      const subFolder = relative ? relative.split('/').filter(Boolean).slice(0, -1).join('/') : ''
      try {
        this.uppy.addFile({
          name: file.name,
          type: file.type || 'application/octet-stream',
          data: file,
          meta: {
            folder: joinFolder(folder, subFolder),
            on_conflict: onConflict,
            relativePath: relative ?? null,
          } as FerryMeta,
          source: 'ferry',
        })
      } catch {
        // Uppy refuses a file already queued (same fingerprint): it is uploading already.
      }
    }
  }

  pauseResume(id: string): void {
    this.meters.get(id)?.reset()
    this.uppy.pauseResume(id)
  }

  pauseAll(): void {
    this.uppy.pauseAll()
  }

  resumeAll(): void {
    this.meters.forEach((meter) => meter.reset())
    this.uppy.resumeAll()
  }

  retry(id: string): void {
    void this.uppy.retryUpload(id)
  }

  /** Cancels a running upload (the server drops its partial data) or hides a finished one. */
  remove(id: string): void {
    this.meters.delete(id)
    this.uppy.removeFile(id)
  }

  cancelAll(): void {
    this.meters.clear()
    this.uppy.cancelAll()
  }

  clearFinished(): void {
    for (const file of this.uppy.getFiles()) {
      if (file.progress.uploadComplete) this.remove(file.id)
    }
  }

  private meterFor(id: string): RateMeter {
    let meter = this.meters.get(id)
    if (!meter) {
      meter = new RateMeter()
      this.meters.set(id, meter)
    }
    return meter
  }

  private recompute(): void {
    // Work still under way first: finished files sink to the bottom of the tray.
    const items = this.uppy
      .getFiles()
      .map((file) => this.toItem(file))
      .sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done'))
    const open = items.filter((item) => item.status !== 'done' && item.status !== 'error')
    const totalBytes = items.reduce((sum, item) => sum + item.size, 0)
    const uploadedBytes = items.reduce((sum, item) => sum + item.bytesUploaded, 0)
    const active = open.some((item) => item.status === 'uploading' || item.status === 'queued')
    const bytesPerSecond = active ? this.totalMeter.sample(sentHere(items, this.baselines), performance.now()) : 0
    if (!active) {
      this.totalMeter.reset()
      this.baselines.clear()
    }
    const remaining = open.reduce((sum, item) => sum + item.size - item.bytesUploaded, 0)
    this.snapshot = {
      items,
      totalBytes,
      uploadedBytes,
      bytesPerSecond,
      etaSeconds: etaSeconds(remaining, bytesPerSecond),
      active,
      allPaused: open.length > 0 && open.every((item) => item.status === 'paused'),
    }
    this.listeners.forEach((listener) => listener())
  }

  private toItem(file: UppyFile<FerryMeta, TusBody>): UploadItem {
    const size = file.size ?? 0
    const bytesUploaded = Math.min(file.progress.bytesUploaded || 0, size)
    const status: UploadStatus = file.progress.uploadComplete
      ? 'done'
      : file.error
        ? 'error'
        : file.isPaused
          ? 'paused'
          : file.progress.uploadStarted
            ? 'uploading'
            : 'queued'
    const rate = status === 'uploading' ? (this.meters.get(file.id)?.bytesPerSecond ?? 0) : 0
    return {
      id: file.id,
      name: file.name ?? 'file',
      folder: file.meta.folder ?? '',
      size,
      bytesUploaded,
      status,
      error: file.error ? (this.refusals.get(file.id) ?? null) : null,
      bytesPerSecond: rate,
      etaSeconds: etaSeconds(size - bytesUploaded, rate),
    }
  }
}

/**
 * The bytes this page has sent, for the speed over all files: each uploading file counts
 * from where it stood when first seen uploading, so a file resumed at the server's offset
 * does not count the bytes an earlier page sent as sent in the last moment.
 */
export function sentHere(items: readonly UploadItem[], baselines: Map<string, number>): number {
  let sent = 0
  for (const item of items) {
    if (!baselines.has(item.id)) {
      if (item.status !== 'uploading') continue
      baselines.set(item.id, item.bytesUploaded)
    }
    sent += item.bytesUploaded - (baselines.get(item.id) ?? 0)
  }
  return sent
}

/**
 * The `detail` (else `title`) of the problem+json the server answered a tus request with,
 * already in the user's language; null when there was no answer (offline) or no problem.
 * tus-js-client's own message quotes the whole request and response, which no one should read.
 */
export function problemDetail(error: unknown): string | null {
  const response = (error as { originalResponse?: { getBody(): string } | null } | null)?.originalResponse
  if (!response) return null
  try {
    const problem = JSON.parse(response.getBody()) as { detail?: unknown; title?: unknown }
    const text = typeof problem.detail === 'string' ? problem.detail : problem.title
    return typeof text === 'string' && text ? text : null
  } catch {
    return null
  }
}

function relativePathOf(file: File): string | null {
  const withPath = file as File & { relativePath?: string | null }
  const path = withPath.relativePath || file.webkitRelativePath
  return path ? path.replace(/^\/+/, '') : null
}

let instance: Uploader | null = null
let requestSession: string | null = null

/**
 * On a public upload-request page the uploads carry that request's session (the server
 * writes them into the request's folder as its owner) instead of an account's token.
 */
export function setUploadRequestSession(session: string | null): void {
  requestSession = session
}

/**
 * On sign-out: stops this tab's uploads and forgets the resumable ones, so the next person
 * at this browser neither continues them into their account nor sees their names.
 */
export function discardUploads(): void {
  instance?.cancelAll()
  forgetAllPendingUploads()
}

/** One uploader per tab, so uploads continue while the user moves between pages. */
export function uploader(): Uploader {
  instance ??= new Uploader()
  return instance
}
