/**
 * Encrypted downloads that survive a page reload. The plaintext goes to the origin private
 * file system (OPFS) in segments of 64 STREAM chunks (4 MiB); each segment is closed, and so
 * committed, before the next starts, and IndexedDB records how many are complete together
 * with the file's age nonce (random per encryption, so it tells the same ciphertext apart
 * from a replaced one). After a reload the same download asks for the rest with a Range
 * request from the first missing chunk; at the end the segments go to the browser's
 * downloads as one disk-backed Blob, and are removed a minute later.
 */
import { CHUNK, toBase64 } from './age'

const SEGMENT_CHUNKS = 64
const SEGMENT = SEGMENT_CHUNKS * CHUNK
const DB = 'ferry-e2e-downloads'
const STORE = 'downloads'

interface State {
  nonce: string
  sealedSize: number
  segments: number
}

function request<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB, 1)
    opening.onupgradeneeded = () => opening.result.createObjectStore(STORE)
    opening.onerror = () => reject(opening.error)
    opening.onsuccess = () => {
      const db = opening.result
      const req = act(db.transaction(STORE, mode).objectStore(STORE))
      req.onsuccess = () => {
        resolve(req.result)
        db.close()
      }
      req.onerror = () => {
        reject(req.error)
        db.close()
      }
    }
  })
}

/** Whether this browser writes OPFS files from a page (Safari offers that only in workers). */
export function resumableDownloads(): boolean {
  return (
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof indexedDB !== 'undefined' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    'createWritable' in FileSystemFileHandle.prototype
  )
}

export class ResumableDownload {
  private segments = 0
  private folder: FileSystemDirectoryHandle | null = null

  constructor(
    private readonly id: string,
    private readonly sealedSize: number,
  ) {}

  /** The plaintext bytes already saved before this run. */
  get resumedBytes(): number {
    return this.segments * SEGMENT
  }

  /** The first chunk still needed: after the saved segments if they belong to this very ciphertext. */
  async start(nonce: Uint8Array): Promise<number> {
    const root = await navigator.storage.getDirectory()
    this.folder = await root.getDirectoryHandle(`e2e-${this.id}`, { create: true })
    const state = await request<State | undefined>('readonly', (s) => s.get(this.id))
    const same = state && state.nonce === toBase64(nonce) && state.sealedSize === this.sealedSize
    this.segments = same ? await this.present(state.segments) : 0
    await request('readwrite', (s) => s.put({ nonce: toBase64(nonce), sealedSize: this.sealedSize, segments: this.segments }, this.id))
    return this.segments * SEGMENT_CHUNKS
  }

  /** Where the plaintext from the first needed chunk on is written. */
  writable(): WritableStream<Uint8Array> {
    let buffer = new Uint8Array(SEGMENT)
    let filled = 0
    const flush = async () => {
      if (filled === 0) return
      await this.saveSegment(buffer.subarray(0, filled))
      buffer = new Uint8Array(SEGMENT)
      filled = 0
    }
    return new WritableStream<Uint8Array>({
      write: async (chunk) => {
        let at = 0
        while (at < chunk.length) {
          const n = Math.min(SEGMENT - filled, chunk.length - at)
          buffer.set(chunk.subarray(at, at + n), filled)
          filled += n
          at += n
          if (filled === SEGMENT) await flush()
        }
      },
      close: flush,
    })
  }

  /** The whole plaintext, backed by the files on disk; the saved state is dropped a minute later. */
  async finish(): Promise<Blob> {
    const parts: File[] = []
    for (let i = 0; i < this.segments; i++) parts.push(await (await this.folder!.getFileHandle(`${i}`)).getFile())
    window.setTimeout(() => void this.forget(), 60_000)
    return new Blob(parts)
  }

  private async forget(): Promise<void> {
    await request('readwrite', (s) => s.delete(this.id))
    const root = await navigator.storage.getDirectory()
    await root.removeEntry(`e2e-${this.id}`, { recursive: true })
  }

  private async saveSegment(bytes: Uint8Array): Promise<void> {
    const handle = await this.folder!.getFileHandle(`${this.segments}`, { create: true })
    const out = await handle.createWritable()
    await out.write(bytes as BufferSource)
    await out.close()
    this.segments++
    const state = await request<State | undefined>('readonly', (s) => s.get(this.id))
    if (state) await request('readwrite', (s) => s.put({ ...state, segments: this.segments }, this.id))
  }

  /** How many of the recorded segments are still whole on disk (storage may have been cleared). */
  private async present(recorded: number): Promise<number> {
    for (let i = 0; i < recorded; i++) {
      const file = await this.folder!.getFileHandle(`${i}`).then((h) => h.getFile()).catch(() => null)
      if (!file || file.size !== SEGMENT) return i
    }
    return recorded
  }
}
