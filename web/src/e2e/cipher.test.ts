import { chunkCipher, nobleCipher } from './cipher'
import { CHUNK, chunkNonce } from './stream'

describe('chunkCipher', () => {
  it('loads libsodium and seals and opens byte for byte as @noble/ciphers does', async () => {
    const cipher = await chunkCipher()
    expect(cipher.name).toBe('libsodium')
    const key = crypto.getRandomValues(new Uint8Array(32))
    for (const [size, index, last] of [
      [CHUNK, 0, false],
      [CHUNK, 70_000, false],
      [1, 3, true],
      [0, 0, true],
    ] as const) {
      const plain = crypto.getRandomValues(new Uint8Array(size))
      const nonce = chunkNonce(index, last)
      const sealed = cipher.seal(key, nonce, plain)
      expect(sealed).toEqual(nobleCipher.seal(key, nonce, plain))
      expect(cipher.open(key, nonce, nobleCipher.seal(key, nonce, plain))).toEqual(plain)
      const into = new Uint8Array(size + 16)
      expect(cipher.seal(key, nonce, plain, into)).toBe(into)
      expect(into).toEqual(sealed)
    }
  }, 30_000) // loading and compiling libsodium's WebAssembly takes seconds on a busy machine

  it('refuses a chunk whose tag does not match, or under the other last flag', async () => {
    const cipher = await chunkCipher()
    const key = crypto.getRandomValues(new Uint8Array(32))
    const sealed = cipher.seal(key, chunkNonce(5, false), new Uint8Array(100))
    expect(() => cipher.open(key, chunkNonce(5, true), sealed)).toThrow()
    sealed[7]! ^= 1
    expect(() => cipher.open(key, chunkNonce(5, false), sealed)).toThrow()
  })
})
