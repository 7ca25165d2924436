/**
 * age's STREAM payload (age-encryption.org/v1) as the spec defines it, and nothing else, so
 * the sealing worker (seal.worker.ts) can import it without the page's i18n and React:
 * HKDF-SHA-256(file key, salt = 16-byte nonce, info "payload") as the key,
 * ChaCha20-Poly1305 over 64 KiB chunks, nonce = 11-byte big-endian chunk counter || last
 * flag. Each chunk stands alone, so encryption can start again at any chunk after a reload.
 * The cipher itself comes from cipher.ts (WebAssembly where it runs).
 */
import { chunkCipher, type ChunkCipher } from './cipher'
import { hkdf } from '@noble/hashes/hkdf.js'
import { sha256 } from '@noble/hashes/sha2.js'

export const CHUNK = 64 * 1024
export const TAG = 16
export const SEALED_CHUNK = CHUNK + TAG
export const NONCE = 16

/** The key to a file's payload: the header that wraps it and what the payload needs. */
export interface FileSeal {
  header: Uint8Array
  nonce: Uint8Array
  fileKey: Uint8Array
}

export function payloadKey(seal: Pick<FileSeal, 'fileKey' | 'nonce'>): Uint8Array {
  return hkdf(sha256, seal.fileKey, seal.nonce, new TextEncoder().encode('payload'), 32)
}

export function chunkCount(plainSize: number): number {
  return Math.max(1, Math.ceil(plainSize / CHUNK))
}

export function sealedSize(plainSize: number, headerLength: number): number {
  return headerLength + NONCE + plainSize + TAG * chunkCount(plainSize)
}

export function plainSize(sealedPayloadSize: number): number {
  const chunks = Math.max(1, Math.ceil(sealedPayloadSize / SEALED_CHUNK))
  return sealedPayloadSize - TAG * chunks
}

export function chunkNonce(index: number, last: boolean): Uint8Array {
  const nonce = new Uint8Array(12)
  let n = index
  for (let i = 10; i >= 0 && n > 0; i--) {
    nonce[i] = n % 256
    n = Math.floor(n / 256)
  }
  nonce[11] = last ? 1 : 0
  return nonce
}

export function sealChunk(
  cipher: ChunkCipher,
  key: Uint8Array,
  index: number,
  plain: Uint8Array,
  last: boolean,
  output?: Uint8Array,
): Uint8Array {
  return cipher.seal(key, chunkNonce(index, last), plain, output)
}

/**
 * The sealed file's bytes [start, end) for a plaintext `file`, encrypting only the chunks
 * that overlap: a tus upload resumed at the server's offset re-encrypts from there on. The
 * plaintext is read once per call, and whole chunks are sealed straight into the result, so
 * a slice costs one read, one allocation and the cipher.
 */
export async function sealedSlice(file: Blob, seal: FileSeal, start: number, end: number): Promise<Uint8Array> {
  const prefix = seal.header.length + NONCE
  const stop = Math.min(end, sealedSize(file.size, seal.header.length))
  const out = new Uint8Array(Math.max(0, stop - start))
  for (let at = start; at < Math.min(stop, prefix); at++) {
    out[at - start] = at < seal.header.length ? seal.header[at]! : seal.nonce[at - seal.header.length]!
  }
  const from = Math.max(0, start - prefix)
  const to = stop - prefix
  if (to <= from) return out
  const cipher = await chunkCipher()
  const key = payloadKey(seal)
  const chunks = chunkCount(file.size)
  const first = Math.floor(from / SEALED_CHUNK)
  const last = Math.floor((to - 1) / SEALED_CHUNK)
  const plain = new Uint8Array(await file.slice(first * CHUNK, Math.min((last + 1) * CHUNK, file.size)).arrayBuffer())
  const scratch = new Uint8Array(SEALED_CHUNK)
  for (let i = first; i <= last; i++) {
    const piece = plain.subarray((i - first) * CHUNK, Math.min((i - first + 1) * CHUNK, plain.length))
    const chunkStart = i * SEALED_CHUNK
    const chunkEnd = chunkStart + piece.length + TAG
    // Where this chunk's first byte lands in `out` (negative when the slice starts inside it).
    const target = prefix + chunkStart - start
    if (chunkStart >= from && chunkEnd <= to) {
      sealChunk(cipher, key, i, piece, i === chunks - 1, out.subarray(target, target + piece.length + TAG))
    } else {
      const sealed = sealChunk(cipher, key, i, piece, i === chunks - 1, scratch.subarray(0, piece.length + TAG))
      const skip = Math.max(0, from - chunkStart)
      const take = Math.min(chunkEnd, to) - chunkStart
      out.set(sealed.subarray(skip, take), target + skip)
    }
  }
  return out
}

/** Why a payload does not open; age.ts turns it into the reader's message. */
export class PayloadError extends Error {
  constructor(
    readonly reason: 'damaged' | 'trailing' | 'truncated',
    readonly index = 0,
    options?: ErrorOptions,
  ) {
    super(`age payload ${reason} at chunk ${index}`, options)
    this.name = 'PayloadError'
  }
}

export function openChunk(cipher: ChunkCipher, key: Uint8Array, index: number, sealed: Uint8Array, last: boolean): Uint8Array {
  try {
    return cipher.open(key, chunkNonce(index, last), sealed)
  } catch (error) {
    throw new PayloadError('damaged', index, { cause: error })
  }
}

/**
 * Opens a sealed payload fed in pieces of any size, from `firstChunk` on (a ranged download
 * starts at a chunk boundary); `payloadSize` tells which chunk is the last, whose nonce flag
 * differs. Whole chunks inside one piece are opened in place; only chunks split across
 * pieces are gathered in a buffer first. The caller brings the cipher (cipher.ts chunkCipher),
 * so pushing stays synchronous.
 */
export class PayloadOpener {
  private readonly chunks: number
  private readonly lastSize: number
  private readonly buffer = new Uint8Array(SEALED_CHUNK)
  private filled = 0

  constructor(
    private readonly cipher: ChunkCipher,
    private readonly key: Uint8Array,
    payloadSize: number,
    private index = 0,
  ) {
    this.chunks = Math.max(1, Math.ceil(payloadSize / SEALED_CHUNK))
    this.lastSize = payloadSize - (this.chunks - 1) * SEALED_CHUNK
  }

  /** Opens what `data` completes; `out` gets each chunk's plaintext in order. */
  push(data: Uint8Array, out: (plain: Uint8Array) => void): void {
    let at = 0
    while (at < data.length) {
      if (this.index >= this.chunks) throw new PayloadError('trailing', this.index)
      const last = this.index === this.chunks - 1
      const want = last ? this.lastSize : SEALED_CHUNK
      if (this.filled === 0 && data.length - at >= want) {
        out(openChunk(this.cipher, this.key, this.index++, data.subarray(at, at + want), last))
        at += want
        continue
      }
      const n = Math.min(want - this.filled, data.length - at)
      this.buffer.set(data.subarray(at, at + n), this.filled)
      this.filled += n
      at += n
      if (this.filled === want) {
        out(openChunk(this.cipher, this.key, this.index++, this.buffer.subarray(0, want), last))
        this.filled = 0
      }
    }
  }

  /** Throws unless the last chunk was opened whole. */
  end(): void {
    if (this.index !== this.chunks || this.filled !== 0) throw new PayloadError('truncated', this.index)
  }
}
