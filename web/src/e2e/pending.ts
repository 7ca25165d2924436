/**
 * What an encrypted upload needs to continue after a reload, in IndexedDB: per file (by
 * name, size and modification time) its tus URL, age header and nonce, and its file key;
 * and the link identity the headers were made for. Secrets are stored only encrypted under
 * a non-extractable AES-GCM key that lives in the same database: script can use it, nothing
 * can read it out.
 */
import { fromBase64, toBase64, type FileSeal } from './age'

const DB = 'ferry-e2e'
const STORE = 'pending'

export interface PendingFile {
  uploadUrl: string | null
  seal: FileSeal
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
  const existing = await run<CryptoKey | undefined>('readonly', (s) => s.get('wrapping-key'))
  if (existing) return existing
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt'])
  await run('readwrite', (s) => s.put(key, 'wrapping-key'))
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
  const record = {
    uploadUrl: pending.uploadUrl,
    header: toBase64(pending.seal.header),
    nonce: toBase64(pending.seal.nonce),
    fileKey: await wrap(pending.seal.fileKey),
  }
  await run('readwrite', (s) => s.put(record, fingerprint(file)))
}

export async function findPendingFile(file: File): Promise<PendingFile | null> {
  const record = await run<{ uploadUrl: string | null; header: string; nonce: string; fileKey: string } | undefined>(
    'readonly',
    (s) => s.get(fingerprint(file)),
  )
  if (!record) return null
  const seal = { header: fromBase64(record.header), nonce: fromBase64(record.nonce), fileKey: await unwrap(record.fileKey) }
  return { uploadUrl: record.uploadUrl, seal }
}

/** The link identity of an unfinished encrypted transfer, so resumed files match its headers. */
export async function pendingIdentity(): Promise<string | null> {
  const wrapped = await run<string | undefined>('readonly', (s) => s.get('identity'))
  return wrapped ? new TextDecoder().decode(await unwrap(wrapped)) : null
}

export async function savePendingIdentity(identity: string): Promise<void> {
  const wrapped = await wrap(new TextEncoder().encode(identity))
  await run('readwrite', (s) => s.put(wrapped, 'identity'))
}

/** The transfer exists: nothing is pending any more, and no secret stays behind. */
export async function forgetPending(): Promise<void> {
  await run('readwrite', (s) => s.clear())
}
