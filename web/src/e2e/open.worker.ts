/**
 * The opening half of an E2E download, off the page's main thread (opener.ts starts one per
 * download): sealed pieces arrive as transferred ArrayBuffers in order, and each reply
 * transfers back the plaintext of the chunks that piece completed, so the page decrypts
 * nothing and copies nothing while the network and the disk keep going.
 */
import { chunkCipher } from './cipher'
import { PayloadError, PayloadOpener } from './stream'

export type OpenRequest =
  | { kind: 'start'; key: Uint8Array; payloadSize: number; firstChunk: number }
  | { kind: 'data'; bytes: ArrayBuffer }
  | { kind: 'end' }

export type OpenReply =
  | { kind: 'ready' }
  | { kind: 'plain'; bytes: ArrayBuffer }
  | { kind: 'done' }
  | { kind: 'error'; reason: PayloadError['reason'] | 'other'; index: number; message: string }

let opener: PayloadOpener | null = null

function reply(message: OpenReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer })
}

// The page sends data only after 'ready', so the cipher has loaded before the first piece.
self.onmessage = async ({ data }: MessageEvent<OpenRequest>) => {
  try {
    if (data.kind === 'start') {
      opener = new PayloadOpener(await chunkCipher(), data.key, data.payloadSize, data.firstChunk)
      reply({ kind: 'ready' })
    } else if (data.kind === 'data') {
      const pieces: Uint8Array[] = []
      opener!.push(new Uint8Array(data.bytes), (plain) => pieces.push(plain))
      const plain = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0))
      pieces.reduce((at, p) => (plain.set(p, at), at + p.length), 0)
      reply({ kind: 'plain', bytes: plain.buffer }, [plain.buffer])
    } else {
      opener!.end()
      reply({ kind: 'done' })
    }
  } catch (error) {
    const known = error instanceof PayloadError
    reply({ kind: 'error', reason: known ? error.reason : 'other', index: known ? error.index : 0, message: String(error) })
  }
}
