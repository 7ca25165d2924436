import { generateIdentity, identityToRecipient } from 'age-encryption'
import { CHUNK, SEALED_CHUNK, sealedSize, sealedSlice, sealFile } from './age'
import { openDownload } from './download'

describe('a download resumed after a reload', () => {
  it('asks for the rest with a Range from the first chunk not saved and decrypts only that', async () => {
    const identity = await generateIdentity()
    const seal = await sealFile({ recipients: [await identityToRecipient(identity)] })
    const big = new Uint8Array(3 * CHUNK + 500).map((_, i) => (i * 31 + (i >> 16)) % 251)
    const sealed = await sealedSlice(new Blob([big]), seal, 0, sealedSize(big.length, seal.header.length))
    const prefix = seal.header.length + 16
    const starts: number[] = []
    const fetcher = async (start: number) => {
      starts.push(start)
      return new Response(sealed.slice(start) as BlobPart, { status: start === 0 ? 200 : 206 })
    }
    let nonce: Uint8Array | null = null

    const { plain, size } = await openDownload(fetcher, sealed.length, { identity }, async (n) => {
      nonce = n
      return 2
    })

    expect(size).toBe(big.length)
    expect(new Uint8Array(await new Response(plain).arrayBuffer())).toEqual(big.subarray(2 * CHUNK))
    expect(starts).toEqual([0, prefix + 2 * SEALED_CHUNK])
    expect(nonce).toEqual(seal.nonce)
  }, 60_000)
})
