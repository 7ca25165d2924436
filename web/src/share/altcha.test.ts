import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { encodePayload, solve, type AltchaChallenge } from './altcha'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

function challengeFor(number: number, maxnumber = 5000): AltchaChallenge {
  const salt = 'a1b2c3d4?expires=1900000000&link=0f0e'
  return { algorithm: 'SHA-256', challenge: sha256(salt + number), maxnumber, salt, signature: 'ff'.repeat(32) }
}

describe('ALTCHA solver', () => {
  it('finds the secret number and reports progress', async () => {
    const progress: number[] = []
    expect(await solve(challengeFor(2345), (tried) => progress.push(tried))).toBe(2345)
    expect(progress).toEqual([0, 1000, 2000])
  })

  it('answers null when no number up to maxnumber fits', async () => {
    expect(await solve(challengeFor(6000, 1500))).toBeNull()
  })

  it('stops when asked', async () => {
    expect(await solve(challengeFor(4000), undefined, () => true)).toBeNull()
  })

  it('refuses another algorithm', async () => {
    await expect(solve({ ...challengeFor(1), algorithm: 'SHA-512' })).rejects.toThrow('Unsupported')
  })

  it('encodes the payload as base64 of the solution JSON', () => {
    const challenge = challengeFor(7)
    const decoded = JSON.parse(atob(encodePayload(challenge, 7)))
    expect(decoded).toEqual({
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: 7,
      salt: challenge.salt,
      signature: challenge.signature,
    })
  })
})
