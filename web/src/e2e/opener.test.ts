import { generateIdentity, identityToRecipient } from 'age-encryption'
import { payloadKey, sealedSize, sealedSlice, sealFile } from './age'
import { E2eError } from './errors'
import { openStreamInWorker } from './opener'

async function sealed(size: number) {
  const seal = await sealFile({ recipients: [await identityToRecipient(await generateIdentity())] })
  const plain = new Uint8Array(size).map((_, i) => (i * 31 + (i >> 16)) % 251)
  const all = await sealedSlice(new Blob([plain]), seal, 0, sealedSize(size, seal.header.length))
  return { plain, payload: all.slice(seal.header.length + 16), key: payloadKey(seal) }
}

async function open(payload: Uint8Array, key: Uint8Array, size = payload.length): Promise<Uint8Array> {
  const stream = new Blob([payload as BlobPart]).stream().pipeThrough(await openStreamInWorker(key, size))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

// In Node there is no Web Worker, so this is the page's fallback; Chromium runs the worker in the E2E browser tests.
describe('openStreamInWorker', () => {
  it('opens a payload to its plaintext', async () => {
    const { plain, payload, key } = await sealed(150_000)
    expect(await open(payload, key)).toEqual(plain)
  }, 30_000)

  it('names the damaged chunk and a truncated file in the reader’s words', async () => {
    const { payload, key } = await sealed(150_000)
    const damaged = payload.slice()
    damaged[70_000] = damaged[70_000]! ^ 1
    await expect(open(damaged, key)).rejects.toThrow(new E2eError({ id: 'e2e.error.damagedChunk', defaultMessage: 'The file is damaged: chunk {index, number} does not authenticate.' }, { index: 1 }).message)
    await expect(open(payload.slice(0, 100_000), key, payload.length)).rejects.toBeInstanceOf(E2eError)
  }, 30_000)
})
