/**
 * The age format (age-encryption.org/v1) in pieces a resumable upload and a ranged download
 * need. typage (npm age-encryption) writes and checks every header, so recipients, scrypt
 * and the header MAC are exactly its code; what is here and in stream.ts is only age's
 * STREAM payload, as the spec defines it (see stream.ts).
 */
import { Decrypter, Encrypter, type Recipient } from 'age-encryption'
import { defineMessages } from 'react-intl'
import { E2eError } from './errors'
import { chunkCipher } from './cipher'
import { NONCE, PayloadError, PayloadOpener, TAG, type FileSeal } from './stream'

export { CHUNK, chunkCount, payloadKey, plainSize, SEALED_CHUNK, sealChunk, sealedSize, sealedSlice, type FileSeal } from './stream'

const messages = defineMessages({
  wrongKey: { id: 'e2e.error.wrongKey', defaultMessage: 'This key or passphrase does not open the files.' },
  notAge: { id: 'e2e.error.notAge', defaultMessage: 'Not an age file.' },
  damagedChunk: {
    id: 'e2e.error.damagedChunk',
    defaultMessage: 'The file is damaged: chunk {index, number} does not authenticate.',
  },
  trailingData: { id: 'e2e.error.trailingData', defaultMessage: 'The file has data after its last chunk.' },
  truncated: { id: 'e2e.error.truncated', defaultMessage: 'The file is truncated.' },
})

/** The message of a file that ends before its last chunk, shared with the download's reader. */
export const TRUNCATED = messages.truncated

const MAGIC = new TextEncoder().encode('age-encryption.org/v1\n')

/** Who can open the files: X25519 recipients (age1…) or one passphrase (scrypt). */
export type Keys = { recipients: string[] } | { passphrase: string }

/**
 * A fresh file key and its header for `keys`, from typage: it encrypts an empty file, whose
 * output is header || nonce || one empty final chunk. The file key comes from a recipient
 * that only watches (it adds no stanza) or, for a passphrase, from typage opening the header.
 */
export async function sealFile(keys: Keys): Promise<FileSeal> {
  const encrypter = new Encrypter()
  let fileKey: Uint8Array | null = null
  if ('passphrase' in keys) {
    encrypter.setPassphrase(keys.passphrase)
  } else {
    const watcher: Recipient = {
      wrapFileKey(key) {
        fileKey = key.slice()
        return []
      },
    }
    encrypter.addRecipient(watcher)
    keys.recipients.forEach((r) => encrypter.addRecipient(r))
  }
  const empty = await encrypter.encrypt(new Uint8Array(0))
  const header = empty.slice(0, empty.length - NONCE - TAG)
  const nonce = empty.slice(empty.length - NONCE - TAG, empty.length - TAG)
  if ('passphrase' in keys) fileKey = await openHeader(header, keys)
  if (!fileKey) throw new Error('age produced no file key')
  return { header, nonce, fileKey }
}

/** The file key of `header` (its MAC checked by typage); throws WrongKeyError if the key does not fit. */
export async function openHeader(header: Uint8Array, key: { identity: string } | { passphrase: string }): Promise<Uint8Array> {
  const decrypter = new Decrypter()
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase)
  else decrypter.addIdentity(key.identity)
  try {
    return await decrypter.decryptHeader(header)
  } catch (error) {
    throw new WrongKeyError(error)
  }
}

export class WrongKeyError extends E2eError {
  constructor(cause: unknown) {
    super(messages.wrongKey, {}, { cause })
    this.name = 'WrongKeyError'
  }
}

/** Whether a header is for a passphrase (an scrypt stanza) rather than for identities. */
export function needsPassphrase(header: Uint8Array): boolean {
  return new TextDecoder().decode(header).includes('\n-> scrypt ')
}

/** Where the header ends (after its MAC line), or -1 if `bytes` does not hold all of it yet. */
export function headerLength(bytes: Uint8Array): number {
  for (let i = 0; i < MAGIC.length && i < bytes.length; i++) {
    if (bytes[i] !== MAGIC[i]) throw new E2eError(messages.notAge)
  }
  const text = new TextDecoder('latin1').decode(bytes)
  const mac = text.indexOf('\n--- ')
  if (mac < 0) return -1
  const end = text.indexOf('\n', mac + 1)
  return end < 0 ? -1 : end + 1
}

/**
 * Opens a sealed payload streamed from `firstChunk` on, in the page (download.ts prefers the
 * worker in opener.ts, which runs the same PayloadOpener); its errors speak the reader's language.
 */
export function openStream(key: Uint8Array, payloadSize: number, firstChunk = 0): TransformStream<Uint8Array, Uint8Array> {
  let opener: PayloadOpener
  return new TransformStream({
    async start() {
      opener = new PayloadOpener(await chunkCipher(), key, payloadSize, firstChunk)
    },
    transform(data, controller) {
      try {
        opener.push(data, (plain) => controller.enqueue(plain))
      } catch (error) {
        throw readable(error)
      }
    },
    flush() {
      try {
        opener.end()
      } catch (error) {
        throw readable(error)
      }
    },
  })
}

/** A PayloadError as the message a person reads; anything else unchanged. */
export function readable(error: unknown): unknown {
  if (!(error instanceof PayloadError)) return error
  if (error.reason === 'damaged') return new E2eError(messages.damagedChunk, { index: error.index }, { cause: error })
  return new E2eError(error.reason === 'trailing' ? messages.trailingData : messages.truncated, {}, { cause: error })
}

export function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/** A small value (the manifest) as a whole age file, base64, for the server to keep opaque. */
export async function sealText(text: string, keys: Keys): Promise<string> {
  const encrypter = new Encrypter()
  if ('passphrase' in keys) encrypter.setPassphrase(keys.passphrase)
  else keys.recipients.forEach((r) => encrypter.addRecipient(r))
  return toBase64(await encrypter.encrypt(text))
}

export async function openText(base64: string, key: { identity: string } | { passphrase: string }): Promise<string> {
  const decrypter = new Decrypter()
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase)
  else decrypter.addIdentity(key.identity)
  try {
    return await decrypter.decrypt(fromBase64(base64), 'text')
  } catch (error) {
    throw new WrongKeyError(error)
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

