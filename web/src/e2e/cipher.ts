/**
 * ChaCha20-Poly1305 (IETF, no associated data) for age's STREAM chunks. libsodium's
 * WebAssembly build seals and opens 64 KiB chunks two to three times as fast as the pure
 * JavaScript of @noble/ciphers (bench/README.md, "WebAssembly cipher"), so E2E work loads it,
 * lazily: it is its own ~450 kB chunk of the bundle, fetched only by the sealing and opening
 * workers (or the page when no worker runs), never by pages without E2E. Where WebAssembly
 * cannot run (a CSP without 'wasm-unsafe-eval', a browser with it disabled) the same bytes
 * come from @noble/ciphers, so a transfer is slower, never refused.
 */
import { chacha20poly1305 } from '@noble/ciphers/chacha.js'

export interface ChunkCipher {
  readonly name: 'libsodium' | 'noble'
  /** The sealed chunk (ciphertext || 16-byte tag), written into `output` when given. */
  seal(key: Uint8Array, nonce: Uint8Array, plain: Uint8Array, output?: Uint8Array): Uint8Array
  /** The plaintext; throws when the tag does not match. */
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array
}

export const nobleCipher: ChunkCipher = {
  name: 'noble',
  seal: (key, nonce, plain, output) => chacha20poly1305(key, nonce).encrypt(plain, output),
  open: (key, nonce, sealed) => chacha20poly1305(key, nonce).decrypt(sealed),
}

async function loadSodium(): Promise<ChunkCipher> {
  const { default: sodium } = await import('libsodium-wrappers')
  await sodium.ready
  return {
    name: 'libsodium',
    seal(key, nonce, plain, output) {
      const sealed = sodium.crypto_aead_chacha20poly1305_ietf_encrypt(plain, null, null, nonce, key)
      if (!output) return sealed
      output.set(sealed)
      return output
    },
    open: (key, nonce, sealed) => sodium.crypto_aead_chacha20poly1305_ietf_decrypt(null, sealed, null, nonce, key),
  }
}

let loading: Promise<ChunkCipher> | null = null

/** The fastest cipher this context can run, loaded once. */
export function chunkCipher(): Promise<ChunkCipher> {
  loading ??= loadSodium().catch(() => nobleCipher)
  return loading
}
