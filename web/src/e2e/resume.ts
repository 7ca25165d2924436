/**
 * Encrypted downloads that survive a page reload. The plaintext goes to the origin private
 * file system (OPFS) in segments of 64 STREAM chunks (4 MiB); each segment is closed, and so
 * committed, before the next starts, and IndexedDB records how many are complete together
 * with the file's age nonce (random per encryption, so it tells the same ciphertext apart
 * from a replaced one). After a reload the same download asks for the rest with a Range
 * request from the first missing chunk; at the end the segments go to the browser's
 * downloads as one disk-backed Blob, and are removed a minute later. What a closed tab left
 * behind (a finished download whose minute had not passed, an abandoned one, a folder whose
 * record is gone) is removed by sweepDownloads when the app starts.
 */
import { CHUNK, toBase64 } from './age'

const SEGMENT_CHUNKS = 64
const SEGMENT = SEGMENT_CHUNKS * CHUNK
const DB = 'ferry-e2e-downloads'
const STORE = 'downloads'
const FOLDER = 'e2e-'
/** How long the finished plaintext stays for the browser's downloads to copy it. */
const FORGET_AFTER = 60_000
/** A download not continued for a day is abandoned; its plaintext should not linger on disk. */
const ABANDONED_AFTER = 24 * 60 * 60 * 1000

export interface State {
  nonce: string
  sealedSize: number
  segments: number
  /** When a segment was last saved or the download (re)started, ms since the epoch; absent before this was recorded. */
  touched?: number
  /** When the whole plaintext was handed to the browser. */
  finished?: number
}

/** Whether a download's saved plaintext is to be removed: finished, abandoned, or of no known download. */
export function stale(state: State | undefined, now: number): boolean {
  if (!state?.touched) return true
  if (state.finished !== undefined) return now - state.finished > FORGET_AFTER
  return now - state.touched > ABANDONED_AFTER
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
    const state = await request<State | undefined>('readonly', (s) => s.get(this.id))
    const same = state && state.nonce === toBase64(nonce) && state.sealedSize === this.sealedSize && !state.finished
    // Recorded before the folder exists, so a sweep in another tab never takes it for an orphan.
    const fresh: State = { nonce: toBase64(nonce), sealedSize: this.sealedSize, segments: same ? state.segments : 0, touched: Date.now() }
    await request('readwrite', (s) => s.put(fresh, this.id))
    const root = await navigator.storage.getDirectory()
    this.folder = await root.getDirectoryHandle(`${FOLDER}${this.id}`, { create: true })
    this.segments = await this.present(fresh.segments)
    await request('readwrite', (s) => s.put({ ...fresh, segments: this.segments }, this.id))
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
    const state = await request<State | undefined>('readonly', (s) => s.get(this.id))
    if (state) await request('readwrite', (s) => s.put({ ...state, finished: Date.now() }, this.id))
    window.setTimeout(() => void forget(this.id), FORGET_AFTER)
    return new Blob(parts)
  }

  private async saveSegment(bytes: Uint8Array): Promise<void> {
    const handle = await this.folder!.getFileHandle(`${this.segments}`, { create: true })
    const out = await handle.createWritable()
    await out.write(bytes as BufferSource)
    await out.close()
    this.segments++
    const state = await request<State | undefined>('readonly', (s) => s.get(this.id))
    if (state) await request('readwrite', (s) => s.put({ ...state, segments: this.segments, touched: Date.now() }, this.id))
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

async function forget(id: string): Promise<void> {
  await request('readwrite', (s) => s.delete(id))
  const root = await navigator.storage.getDirectory()
  await root.removeEntry(`${FOLDER}${id}`, { recursive: true }).catch(() => undefined)
}

/** OPFS directories can be listed by name; TypeScript's DOM library does not declare it. */
interface Listable {
  keys(): AsyncIterable<string>
}

/**
 * Removes the decrypted segments that no download will use again: finished downloads whose
 * tab closed within the minute, downloads not continued for a day, folders without a record,
 * and records without a folder. Runs once when the app starts.
 */
export async function sweepDownloads(now = Date.now()): Promise<void> {
  if (!resumableDownloads()) return
  const root = await navigator.storage.getDirectory()
  const folders = new Set<string>()
  for await (const name of (root as unknown as Listable).keys()) {
    if (name.startsWith(FOLDER)) folders.add(name.slice(FOLDER.length))
  }
  const ids = (await request('readonly', (s) => s.getAllKeys())).map(String)
  for (const id of new Set([...folders, ...ids])) {
    const state = await request<State | undefined>('readonly', (s) => s.get(id))
    if (stale(state, now) || (state && !folders.has(id) && state.segments > 0)) await forget(id)
  }
}
