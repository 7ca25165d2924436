import { generateIdentity, identityToRecipient } from 'age-encryption'
import { sealedSize, sealedSlice, sealFile } from './age'
import { openDownload } from './download'

/** A response whose body breaks after `cut` bytes, like a dropped connection. */
function broken(bytes: Uint8Array, cut: number): Response {
  let pulls = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulls++ === 0) controller.enqueue(bytes.slice(0, cut))
      else controller.error(new TypeError('network error'))
    },
  })
  return new Response(body, { status: 200 })
}

describe('decrypting downloads', () => {
  it('a dropped connection continues with a Range request from the first missing byte', async () => {
    const identity = await generateIdentity()
    const seal = await sealFile({ recipients: [await identityToRecipient(identity)] })
    const plain = crypto.getRandomValues(new Uint8Array(60_000))
    const big = new Uint8Array(200_000)
    for (let i = 0; i < big.length; i += plain.length) big.set(plain.subarray(0, Math.min(plain.length, big.length - i)), i)
    const sealed = await sealedSlice(new Blob([big]), seal, 0, sealedSize(big.length, seal.header.length))
    const starts: number[] = []
    const fetcher = async (start: number) => {
      starts.push(start)
      if (start === 0) return broken(sealed, 100_000)
      return new Response(sealed.slice(start) as BlobPart, { status: 206 })
    }

    const { plain: out, size } = await openDownload(fetcher, sealed.length, { identity })

    expect(size).toBe(big.length)
    expect(new Uint8Array(await new Response(out).arrayBuffer())).toEqual(big)
    expect(starts).toEqual([0, 100_000])
  }, 60_000)
})
