/**
 * Sealed slices of one file for its tus upload, made by a dedicated worker (seal.worker.ts)
 * so that ChaCha20-Poly1305 neither blocks the page nor waits for the network: while tus
 * sends one PATCH, the worker already seals the next one. Slices come back as transferred
 * ArrayBuffers. Where no worker can run (tests in Node, a worker refused by the browser),
 * the page seals them itself, with the same bytes.
 */
import type { SealReply, SealRequest } from './seal.worker'
import { sealedSize, sealedSlice, type FileSeal } from './stream'

interface Waiting {
  request: SealRequest
  resolve: (bytes: Uint8Array) => void
  reject: (error: Error) => void
}

export class Sealer {
  readonly size: number
  private worker: Worker | null
  private readonly waiting = new Map<number, Waiting>()
  private ids = 0
  private ahead: { start: number; end: number; bytes: Promise<Uint8Array> } | null = null

  constructor(
    private readonly file: Blob,
    private readonly seal: FileSeal,
  ) {
    this.size = sealedSize(file.size, seal.header.length)
    this.worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./seal.worker.ts', import.meta.url), { type: 'module' })
    if (!this.worker) return
    this.worker.onmessage = ({ data }: MessageEvent<SealReply>) => {
      const waiting = this.waiting.get(data.id)
      this.waiting.delete(data.id)
      if (!waiting) return
      if ('bytes' in data) waiting.resolve(new Uint8Array(data.bytes))
      else waiting.reject(new Error(data.error))
    }
    // Only a worker that cannot load reports here (sealing errors come back as replies).
    this.worker.onerror = () => {
      this.worker?.terminate()
      this.worker = null
      for (const { request, resolve, reject } of this.waiting.values()) {
        sealedSlice(file, seal, request.start, request.end).then(resolve, reject)
      }
      this.waiting.clear()
    }
  }

  /** The sealed bytes [start, end); asks for the slice after it at once, so it is ready when tus wants it. */
  slice(start: number, end: number): Promise<Uint8Array> {
    const ahead = this.ahead
    const bytes = ahead && ahead.start === start && ahead.end === end ? ahead.bytes : this.request(start, end)
    this.ahead = null
    if (end < this.size) {
      const next = Math.min(this.size, end + (end - start))
      this.ahead = { start: end, end: next, bytes: this.request(end, next) }
      // A resumed upload may never ask for it; its failure then concerns nobody.
      this.ahead.bytes.catch(() => undefined)
    }
    return bytes
  }

  close(): void {
    this.worker?.terminate()
    this.worker = null
    this.ahead = null
    for (const { reject } of this.waiting.values()) reject(new Error('The upload was closed.'))
    this.waiting.clear()
  }

  private request(start: number, end: number): Promise<Uint8Array> {
    const worker = this.worker
    if (!worker) return sealedSlice(this.file, this.seal, start, end)
    const request: SealRequest = { id: this.ids++, file: this.file, seal: this.seal, start, end }
    return new Promise((resolve, reject) => {
      this.waiting.set(request.id, { request, resolve, reject })
      worker.postMessage(request)
    })
  }
}
