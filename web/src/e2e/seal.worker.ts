/**
 * The sealing half of an E2E upload, off the page's main thread (sealer.ts starts it): each
 * request names a slice of the sealed file, the reply carries its bytes as a transferred
 * ArrayBuffer, so neither side copies it. The File itself crosses as a handle, not as bytes.
 */
import { sealedSlice, type FileSeal } from './stream'

export interface SealRequest {
  id: number
  file: Blob
  seal: FileSeal
  start: number
  end: number
}

export type SealReply = { id: number; bytes: ArrayBuffer } | { id: number; error: string }

self.onmessage = async ({ data }: MessageEvent<SealRequest>) => {
  try {
    const bytes = await sealedSlice(data.file, data.seal, data.start, data.end)
    const buffer = bytes.buffer as ArrayBuffer
    self.postMessage({ id: data.id, bytes: buffer } satisfies SealReply, { transfer: [buffer] })
  } catch (error) {
    self.postMessage({ id: data.id, error: String(error) } satisfies SealReply)
  }
}
