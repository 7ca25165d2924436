/**
 * Uploads one file as an age file over tus, encrypted in the browser. The bytes tus asks
 * for are sealed on demand in a worker (`Sealer`, one slice ahead of the network), so after a reload or a dropped connection the
 * upload continues at the server's offset with the same file key and header, re-encrypting
 * only from the chunk that holds that offset.
 */
import { Upload } from 'tus-js-client'
import { api } from '../api/client'
import { UPLOADS_ENDPOINT } from '../files/uploads/uploader'
import { TRANSFER_UPLOAD_FOLDER } from '../transfers/FilePicker'
import { openHeader, sealFile, type Keys } from './age'
import { findPendingFile, savePendingFile, sealedFor, type PendingFile } from './pending'
import { Sealer } from './sealer'

/** 8 MiB PATCHes, like plain uploads: each is a durable offset a reload resumes from. */
const CHUNK_SIZE = 8 * 1024 * 1024

/** An opaque name: the file's real name travels only inside the encrypted manifest. */
function opaqueName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return `e2e-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}.age`
}

/**
 * The seal of an earlier attempt at this file, if it was made for these keys (the same
 * passphrase, or exactly the same recipients); else a new one.
 */
async function sealFor(file: File, keys: Keys): Promise<PendingFile> {
  const pending = await findPendingFile(file)
  if (pending) {
    const fits =
      'passphrase' in keys
        ? await openHeader(pending.seal.header, keys).then(
            () => true,
            () => false,
          )
        : pending.sealedFor !== null && pending.sealedFor === sealedFor(keys)
    if (fits) return pending
  }
  const fresh: PendingFile = { seal: await sealFile(keys), uploadUrl: null, sealedFor: sealedFor(keys) }
  await savePendingFile(file, fresh)
  return fresh
}

/** Uploads `file` sealed for `keys`; resolves with the new file's id. */
export async function uploadSealed(file: File, keys: Keys, onProgress: (sent: number, total: number) => void): Promise<string> {
  const { seal, uploadUrl, sealedFor: recipients } = await sealFor(file, keys)
  const sealer = new Sealer(file, seal)
  const total = sealer.size
  const done = new Promise<string>((resolve, reject) => {
    const upload: Upload = new Upload(file, {
      endpoint: UPLOADS_ENDPOINT,
      uploadUrl,
      chunkSize: CHUNK_SIZE,
      retryDelays: [0, 1000, 3000, 5000],
      storeFingerprintForResuming: false,
      metadata: { name: opaqueName(), type: 'application/octet-stream', folder: TRANSFER_UPLOAD_FOLDER },
      fileReader: {
        openFile: async () => ({
          size: total,
          // tus-js-client measures a slice by its `size`: a Blob, not a Uint8Array.
          slice: async (start: number, end: number) => ({
            value: new Blob([(await sealer.slice(start, end)) as BlobPart]),
            done: end >= total,
          }),
          close: () => undefined,
        }),
      },
      async onBeforeRequest(req) {
        const token = await api.freshToken()
        if (token) req.setHeader('Authorization', `Bearer ${token}`)
      },
      onUploadUrlAvailable() {
        void savePendingFile(file, { seal, uploadUrl: upload.url, sealedFor: recipients })
      },
      // Each accepted PATCH restarts the server's expiry clock, and so the record's (sweepPending).
      onChunkComplete() {
        void savePendingFile(file, { seal, uploadUrl: upload.url, sealedFor: recipients })
      },
      onProgress: (sent) => onProgress(sent, total),
      onError: reject,
      onSuccess: () => resolve(new URL(upload.url ?? '', location.href).pathname.split('/').pop() ?? ''),
    })
    upload.start()
  })
  return done.finally(() => sealer.close())
}
