/**
 * Decryption of an E2E download in a dedicated worker (open.worker.ts): the sealed bytes go
 * to it as transferred ArrayBuffers and the plaintext comes back the same way, in order, so
 * ChaCha20-Poly1305 runs beside the page, the network and the disk writes rather than
 * between them. Up to IN_FLIGHT bytes are with the worker at a time. Where no worker starts
 * (tests in Node, a worker refused by the browser) it opens in the page, with the same code.
 */
import { concat, openStream, readable } from './age'
import type { OpenReply, OpenRequest } from './open.worker'
import { PayloadError } from './stream'

const IN_FLIGHT = 8 * 1024 * 1024
/** Network reads are often a few KiB; gathered to this size, a message costs next to nothing. */
const BATCH = 1024 * 1024

/** A worker that has taken the key, or null where none can start. */
function startWorker(start: OpenRequest): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null)
  const worker = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' })
  return new Promise((resolve) => {
    worker.onmessage = ({ data }: MessageEvent<OpenReply>) => resolve(data.kind === 'ready' ? worker : null)
    worker.onerror = () => {
      worker.terminate()
      resolve(null)
    }
    worker.postMessage(start)
  })
}

function failure(data: Extract<OpenReply, { kind: 'error' }>): unknown {
  return data.reason === 'other' ? new Error(data.message) : readable(new PayloadError(data.reason, data.index))
}

/** Like age.ts openStream (the same bytes and errors), with the cipher in a worker. */
export async function openStreamInWorker(
  key: Uint8Array,
  payloadSize: number,
  firstChunk = 0,
): Promise<TransformStream<Uint8Array, Uint8Array>> {
  const worker = await startWorker({ kind: 'start', key, payloadSize, firstChunk })
  return worker ? workerStream(worker) : openStream(key, payloadSize, firstChunk)
}

function workerStream(worker: Worker): TransformStream<Uint8Array, Uint8Array> {
  const pending: number[] = []
  let batch: Uint8Array[] = []
  let batched = 0
  let inFlight = 0
  let room: (() => void) | null = null
  let finished: { resolve: () => void; reject: (error: unknown) => void } | null = null
  let failed: unknown = null
  const send = (request: OpenRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer)
  // The gathered pieces as one buffer of its own (a view into a larger one is copied, as
  // transferring it would take its neighbours too), which moves to the worker uncopied.
  const post = () => {
    const joined = concat(batch)
    const own = joined.byteOffset === 0 && joined.byteLength === joined.buffer.byteLength ? joined : joined.slice()
    const buffer = own.buffer as ArrayBuffer
    batch = []
    batched = 0
    pending.push(buffer.byteLength)
    inFlight += buffer.byteLength
    send({ kind: 'data', bytes: buffer }, [buffer])
  }
  return new TransformStream({
    start(controller) {
      worker.onmessage = ({ data }: MessageEvent<OpenReply>) => {
        if (data.kind === 'plain') {
          inFlight -= pending.shift() ?? 0
          try {
            if (data.bytes.byteLength > 0) controller.enqueue(new Uint8Array(data.bytes))
          } catch {
            // The reader went away (a cancelled download): nothing more is worth opening.
            worker.terminate()
          }
        } else if (data.kind === 'done') {
          worker.terminate()
          finished?.resolve()
        } else if (data.kind === 'error') {
          failed = failure(data)
          worker.terminate()
          controller.error(failed)
          finished?.reject(failed)
        }
        room?.()
        room = null
      }
    },
    async transform(chunk) {
      if (failed) throw failed
      batch.push(chunk)
      batched += chunk.length
      if (batched < BATCH) return
      post()
      while (inFlight > IN_FLIGHT && !failed) await new Promise<void>((resolve) => (room = resolve))
    },
    flush() {
      if (failed) throw failed
      if (batched > 0) post()
      return new Promise<void>((resolve, reject) => {
        finished = { resolve, reject }
        send({ kind: 'end' })
      })
    },
  })
}
