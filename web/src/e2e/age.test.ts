import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption'
import { concat, headerLength, openStream, openText, payloadKey, sealedSize, sealedSlice, sealFile, sealText, WrongKeyError } from './age'

function randomBlob(size: number): { blob: Blob; bytes: Uint8Array } {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)))
  return { blob: new Blob([bytes]), bytes }
}

async function sealedInSlices(blob: Blob, seal: Awaited<ReturnType<typeof sealFile>>, step: number) {
  const total = sealedSize(blob.size, seal.header.length)
  const parts: Uint8Array[] = []
  for (let at = 0; at < total; at += step) parts.push(await sealedSlice(blob, seal, at, at + step))
  return concat(parts)
}

describe('age files sealed chunk by chunk', () => {
  it('typage opens a file sealed in uneven slices, as a resumed upload sends it', async () => {
    const identity = await generateIdentity()
    const seal = await sealFile({ recipients: [await identityToRecipient(identity)] })
    for (const size of [0, 1, 65536, 65537, 200_003]) {
      const { blob, bytes } = randomBlob(size)
      const sealed = await sealedInSlices(blob, seal, 70_001)
      expect(sealed.length).toBe(sealedSize(size, seal.header.length))
      const decrypter = new Decrypter()
      decrypter.addIdentity(identity)
      expect(await decrypter.decrypt(sealed)).toEqual(bytes)
    }
  }, 60_000)

  it('opens a payload stream from any chunk on', async () => {
    const identity = await generateIdentity()
    const seal = await sealFile({ recipients: [await identityToRecipient(identity)] })
    const { blob, bytes } = randomBlob(300_000)
    const sealed = await sealedInSlices(blob, seal, 1 << 20)
    const start = headerLength(sealed) + 16
    expect(start).toBe(seal.header.length + 16)
    const payload = sealed.subarray(start)
    const opened = async (from: number) => {
      const source = new Blob([payload.slice(from * 65552) as BlobPart]).stream()
      const out = source.pipeThrough(openStream(payloadKey(seal), payload.length, from))
      return new Uint8Array(await new Response(out).arrayBuffer())
    }
    expect(await opened(0)).toEqual(bytes)
    expect(await opened(2)).toEqual(bytes.subarray(2 * 65536))
  }, 60_000)

  // Passphrases (scrypt, work factor 18) take seconds here; the browser run tries a wrong one.
  it('a wrong key fails cleanly on the manifest', async () => {
    const identity = await generateIdentity()
    const sealed = await sealText('{"files":[]}', { recipients: [await identityToRecipient(identity)] })
    expect(await openText(sealed, { identity })).toBe('{"files":[]}')
    await expect(openText(sealed, { identity: await generateIdentity() })).rejects.toBeInstanceOf(WrongKeyError)
  })
})
