/**
 * Downloads an age file and decrypts it while it streams to disk: the header is read off the
 * start of the response, typage opens it with the recipient's key (checking its MAC), and the
 * payload is opened chunk by chunk, in a worker (opener.ts), into a sink. Sinks, best first: the service worker (a
 * normal download in the browser's download manager), the File System Access API, and, where
 * neither exists, memory up to MEMORY_LIMIT.
 */
import { defineMessages } from 'react-intl'
import { concat, headerLength, openHeader, payloadKey, plainSize, SEALED_CHUNK, TRUNCATED } from './age'
import { E2eError } from './errors'
import { openStreamInWorker } from './opener'

const messages = defineMessages({
  failed: { id: 'e2e.error.downloadFailed', defaultMessage: 'The download failed (HTTP {status, number}).' },
  endedEarly: { id: 'e2e.error.endedEarly', defaultMessage: 'The connection ended early.' },
  tooLarge: {
    id: 'e2e.error.tooLarge',
    defaultMessage:
      'This browser can only decrypt files up to {mib, number} MiB here. Use a current Chrome, Edge or Firefox, or the age command line tool with the key file.',
  },
})

const NONCE = 16
export const MEMORY_LIMIT = 512 * 1024 * 1024

export type Key = { identity: string } | { passphrase: string }

export interface Progress {
  bytes: number
  total: number
}

/** Splits the header and nonce off the start of `body`; the rest is the sealed payload. */
async function readPrefix(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<{ header: Uint8Array; nonce: Uint8Array; rest: Uint8Array }> {
  let buffer: Uint8Array = new Uint8Array(0)
  for (;;) {
    const length = buffer.length > 0 ? headerLength(buffer) : -1
    if (length > 0 && buffer.length >= length + NONCE) {
      return {
        header: buffer.slice(0, length),
        nonce: buffer.slice(length, length + NONCE),
        rest: buffer.slice(length + NONCE),
      }
    }
    const { value, done } = await reader.read()
    if (done) throw new E2eError(TRUNCATED)
    buffer = concat([buffer, value])
  }
}

/** Fetches the sealed file from byte `start` on (a Range request), or whole for 0. */
export type Fetcher = (start: number) => Promise<Response>

const RETRIES = 3

/**
 * The plaintext of a sealed file of `sealedSize` bytes. If the connection drops, the rest is
 * asked for with a Range request from the first byte not yet received, and decryption goes on
 * from there: nothing already received is fetched or decrypted again.
 */
export async function openDownload(
  fetcher: Fetcher,
  sealedSize: number,
  key: Key,
  resumeAt?: (nonce: Uint8Array) => Promise<number>,
): Promise<{ plain: ReadableStream<Uint8Array>; size: number }> {
  const first = await fetcher(0)
  if (!first.ok || !first.body) throw new E2eError(messages.failed, { status: first.status })
  let reader = first.body.getReader()
  const prefix = await readPrefix(reader)
  const { header, nonce } = prefix
  let rest = prefix.rest
  const fileKey = await openHeader(header, key)
  const payloadSize = sealedSize - header.length - NONCE
  let received = header.length + NONCE + rest.length
  // A download resumed after a reload skips the chunks saved before: a Range from the first one missing.
  const firstChunk = resumeAt ? await resumeAt(nonce) : 0
  if (firstChunk > 0) {
    await reader.cancel()
    received = header.length + NONCE + firstChunk * SEALED_CHUNK
    const next = await fetcher(received)
    if (next.status !== 206 || !next.body) throw new E2eError(messages.failed, { status: next.status })
    reader = next.body.getReader()
    rest = new Uint8Array(0)
  }
  let retries = 0
  const payload = new ReadableStream<Uint8Array>({
    start(controller) {
      if (rest.length) controller.enqueue(rest)
    },
    async pull(controller) {
      for (;;) {
        try {
          const { value, done } = await reader.read()
          if (done) {
            if (received < sealedSize) throw new E2eError(messages.endedEarly)
            controller.close()
          } else {
            received += value.length
            controller.enqueue(value)
          }
          return
        } catch (error) {
          if (++retries > RETRIES) throw error
          const next = await fetcher(received)
          if (next.status !== 206 || !next.body) throw error
          reader = next.body.getReader()
        }
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return {
    plain: payload.pipeThrough(await openStreamInWorker(payloadKey({ fileKey, nonce }), payloadSize, firstChunk)),
    size: plainSize(payloadSize),
  }
}

/** Where plaintext goes: chosen before any await, as the save picker needs the click. */
export interface Sink {
  open(name: string, size: number): Promise<WritableStream<Uint8Array>>
  kind: 'service-worker' | 'file-system' | 'memory'
}

let worker: Promise<ServiceWorker | null> | null = null

function serviceWorker(): Promise<ServiceWorker | null> {
  worker ??= (async () => {
    if (!('serviceWorker' in navigator)) return null
    try {
      const registration = await navigator.serviceWorker.register('/e2e-sw.js', { scope: '/' })
      await navigator.serviceWorker.ready
      return registration.active ?? registration.waiting ?? registration.installing
    } catch {
      return null
    }
  })()
  return worker
}

/** Starts registering the service worker early, so a click finds it ready. */
export function prepareDownloads(): void {
  void serviceWorker()
}

function workerSink(sw: ServiceWorker): Sink {
  return {
    kind: 'service-worker',
    async open(name, size) {
      const id = crypto.randomUUID()
      const channel = new MessageChannel()
      const ready = new Promise<void>((resolve) => {
        channel.port1.onmessage = ({ data }) => {
          if (data === 'ready') resolve()
        }
      })
      sw.postMessage({ id, name, size, port: channel.port2 }, [channel.port2])
      await ready
      const frame = document.createElement('iframe')
      frame.hidden = true
      frame.src = `/e2e-save/${id}`
      document.body.append(frame)
      const port = channel.port1
      return new WritableStream<Uint8Array>({
        write(chunk) {
          port.postMessage(chunk)
        },
        close() {
          port.postMessage('end')
          window.setTimeout(() => frame.remove(), 60_000)
        },
        abort(reason) {
          port.postMessage({ error: String(reason) })
          frame.remove()
        },
      })
    },
  }
}

interface SavePicker {
  showSaveFilePicker(options: { suggestedName: string }): Promise<{ createWritable(): Promise<WritableStream<Uint8Array>> }>
}

function memorySink(save: (blob: Blob, name: string) => void): Sink {
  return {
    kind: 'memory',
    async open(name, size) {
      if (size > MEMORY_LIMIT) {
        throw new E2eError(messages.tooLarge, { mib: MEMORY_LIMIT / 1024 / 1024 })
      }
      const parts: Uint8Array[] = []
      return new WritableStream<Uint8Array>({
        write: (chunk) => void parts.push(chunk),
        close: () => save(new Blob(parts as BlobPart[]), name),
      })
    },
  }
}

/** The best sink this browser offers. */
export async function chooseSink(save: (blob: Blob, name: string) => void): Promise<Sink> {
  const sw = await serviceWorker()
  if (sw) return workerSink(sw)
  const picker = window as unknown as Partial<SavePicker>
  if (picker.showSaveFilePicker) {
    const showSaveFilePicker = picker.showSaveFilePicker.bind(window)
    return {
      kind: 'file-system',
      async open(name) {
        const handle = await showSaveFilePicker({ suggestedName: name })
        return handle.createWritable()
      },
    }
  }
  return memorySink(save)
}

/** Counts bytes as they pass, for progress, speed and ETA. */
export function counting(total: number, onProgress: (p: Progress) => void): TransformStream<Uint8Array, Uint8Array> {
  let bytes = 0
  return new TransformStream({
    transform(chunk, controller) {
      bytes += chunk.length
      onProgress({ bytes, total })
      controller.enqueue(chunk)
    },
  })
}
