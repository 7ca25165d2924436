/**
 * What an encrypted upload needs to continue after a reload, in IndexedDB: per file (by
 * name, size and modification time) its tus URL, age header and nonce, and its file key;
 * and the link identity the headers were made for. Secrets are stored only encrypted under
 * a non-extractable AES-GCM key that lives in the same database: script can use it, nothing
 * can read it out. Each record notes when it was last saved (per accepted PATCH for a file);
 * sweepPending, at the app's start, removes those not saved for a day, when the server has
 * expired their tus upload (FERRY_UPLOAD_EXPIRY, 24 h by default) and they cannot resume.
 */
import { fromBase64, toBase64, type FileSeal, type Keys } from './age'

const DB = 'ferry-e2e'
const STORE = 'pending'
const IDENTITY = 'identity'
const WRAPPING_KEY = 'wrapping-key'
/** Like the server's tus upload expiry: after a day without bytes an upload cannot resume. */
const ABANDONED_AFTER = 24 * 60 * 60 * 1000

interface FileRecord {
  uploadUrl: string | null
  header: string
  nonce: string
  fileKey: string
  /** When last saved, ms since the epoch; absent in records from before it was noted. */
  saved?: number
  /** {@link sealedFor} of the keys the header was made for; absent in older records. */
  sealedFor?: string | null
}

/** The identity's record; a bare string in records from before the time was noted. */
type IdentityRecord = { wrapped: string; saved: number } | string

export interface PendingFile {
  uploadUrl: string | null
  seal: FileSeal
  /** Who the seal was made for ({@link sealedFor}); null for a passphrase or an older record. */
  sealedFor: string | null
}

/**
 * The recipients a header is sealed to, in one comparable string: a pending seal of a file
 * is reused only for exactly these (a file resumed for Carol must not keep Bob's header).
 * Null for a passphrase, which is checked by opening the header instead.
 */
export function sealedFor(keys: Keys): string | null {
  return 'recipients' in keys ? [...keys.recipients].sort().join(' ') : null
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open()
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}

async function wrappingKey(): Promise<CryptoKey> {
  const existing = await run<CryptoKey | undefined>('readonly', (s) => s.get(WRAPPING_KEY))
  if (existing) return existing
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
  await run('readwrite', (s) => s.put(key, WRAPPING_KEY))
  return key
}

async function wrap(secret: Uint8Array): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await wrappingKey(), secret as BufferSource)
  return `${toBase64(iv)}.${toBase64(new Uint8Array(sealed))}`
}

async function unwrap(text: string): Promise<Uint8Array> {
  const [iv, sealed] = text.split('.')
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(iv ?? '') as BufferSource },
    await wrappingKey(),
    fromBase64(sealed ?? '') as BufferSource,
  )
  return new Uint8Array(plain)
}

export function fingerprint(file: File): string {
  return `file:${file.name}:${file.size}:${file.lastModified}`
}

export async function savePendingFile(file: File, pending: PendingFile): Promise<void> {
  const record: FileRecord = {
    uploadUrl: pending.uploadUrl,
    header: toBase64(pending.seal.header),
    nonce: toBase64(pending.seal.nonce),
    fileKey: await wrap(pending.seal.fileKey),
    saved: Date.now(),
    sealedFor: pending.sealedFor,
  }
  await run('readwrite', (s) => s.put(record, fingerprint(file)))
}

export async function findPendingFile(file: File): Promise<PendingFile | null> {
  const record = await run<FileRecord | undefined>('readonly', (s) => s.get(fingerprint(file)))
  if (!record) return null
  const seal = { header: fromBase64(record.header), nonce: fromBase64(record.nonce), fileKey: await unwrap(record.fileKey) }
  return { uploadUrl: record.uploadUrl, seal, sealedFor: record.sealedFor ?? null }
}

/** The link identity of an unfinished encrypted transfer, so resumed files match its headers. */
export async function pendingIdentity(): Promise<string | null> {
  const record = await run<IdentityRecord | undefined>('readonly', (s) => s.get(IDENTITY))
  if (!record) return null
  return new TextDecoder().decode(await unwrap(typeof record === 'string' ? record : record.wrapped))
}

export async function savePendingIdentity(identity: string): Promise<void> {
  const record: IdentityRecord = { wrapped: await wrap(new TextEncoder().encode(identity)), saved: Date.now() }
  await run('readwrite', (s) => s.put(record, IDENTITY))
}

/**
 * The keys of abandoned records: files not saved for a day (or never timed), and the link
 * identity once it is that old and no file that could still resume was made for it. The
 * wrapping key stays: it wraps nothing then, and an upload starting meanwhile may need it.
 */
export function abandonedKeys(records: ReadonlyMap<string, unknown>, now: number): string[] {
  const old = (saved: number | undefined) => saved === undefined || now - saved > ABANDONED_AFTER
  const gone = new Set<string>()
  for (const [key, value] of records) {
    if (key.startsWith('file:') && old((value as FileRecord).saved)) gone.add(key)
  }
  const filesLeft = [...records.keys()].some((key) => key.startsWith('file:') && !gone.has(key))
  const identity = records.get(IDENTITY) as IdentityRecord | undefined
  if (identity !== undefined && !filesLeft && old(typeof identity === 'string' ? undefined : identity.saved)) gone.add(IDENTITY)
  return [...gone]
}

/** Removes what abandoned encrypted uploads left in IndexedDB (wrapped keys, no plaintext). */
export async function sweepPending(now = Date.now()): Promise<void> {
  const keys = (await run('readonly', (s) => s.getAllKeys())).map(String)
  const records = new Map<string, unknown>()
  for (const key of keys) records.set(key, await run<unknown>('readonly', (s) => s.get(key)))
  for (const key of abandonedKeys(records, now)) await run('readwrite', (s) => s.delete(key))
}

/** The transfer exists: nothing is pending any more, and no secret stays behind. */
export async function forgetPending(): Promise<void> {
  await run('readwrite', (s) => s.clear())
}
