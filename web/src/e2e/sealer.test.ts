import { generateIdentity, identityToRecipient } from 'age-encryption'
import { concat, sealFile } from './age'
import { Sealer } from './sealer'
import { sealedSlice } from './stream'

describe('Sealer', () => {
  it('gives the bytes of sealedSlice, also when a resumed upload asks for other slices than it prepared', async () => {
    const seal = await sealFile({ recipients: [await identityToRecipient(await generateIdentity())] })
    const bytes = crypto.getRandomValues(new Uint8Array(60_000))
    const file = new Blob([bytes, bytes, bytes, bytes])
    const sealer = new Sealer(file, seal)
    const whole = await sealedSlice(file, seal, 0, sealer.size)
    // Slices as tus asks for them, then a jump back to an earlier offset (a resume after a failed PATCH).
    const asked: [number, number][] = [
      [0, 50_000],
      [50_000, 100_000],
      [100_000, 150_000],
      [70_123, 120_123],
      [120_123, sealer.size],
    ]
    for (const [start, end] of asked) expect(await sealer.slice(start, end)).toEqual(whole.subarray(start, end))
    sealer.close()
  }, 30_000)

  it('seals the header, the nonce and every chunk border in small uneven slices', async () => {
    const seal = await sealFile({ recipients: [await identityToRecipient(await generateIdentity())] })
    const bytes = crypto.getRandomValues(new Uint8Array(35_000))
    const file = new Blob([bytes, bytes, bytes, bytes])
    const sealer = new Sealer(file, seal)
    const whole = await sealedSlice(file, seal, 0, sealer.size)
    const parts: Uint8Array[] = []
    for (let at = 0; at < sealer.size; at += 9_973) parts.push(await sealedSlice(file, seal, at, Math.min(sealer.size, at + 9_973)))
    expect(concat(parts)).toEqual(whole)
    expect(whole.subarray(0, seal.header.length)).toEqual(seal.header)
    sealer.close()
  }, 30_000)
})
