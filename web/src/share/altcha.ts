/** An ALTCHA challenge as GET /api/v1/share/{token}/challenge answers it. */
export interface AltchaChallenge {
  algorithm: string
  challenge: string
  maxnumber: number
  salt: string
  signature: string
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * The ALTCHA proof of work: the number n in [0, maxnumber] with SHA-256(salt + n) equal to
 * the challenge, or null when there is none. onProgress gets the numbers tried so far now
 * and then; a true shouldStop() ends the search early.
 */
export async function solve(
  challenge: Pick<AltchaChallenge, 'algorithm' | 'challenge' | 'maxnumber' | 'salt'>,
  onProgress: (tried: number) => void = () => {},
  shouldStop: () => boolean = () => false,
): Promise<number | null> {
  if (challenge.algorithm.toUpperCase() !== 'SHA-256') throw new Error(`Unsupported algorithm ${challenge.algorithm}`)
  const encoder = new TextEncoder()
  const target = challenge.challenge.toLowerCase()
  for (let n = 0; n <= challenge.maxnumber; n++) {
    const digest = await crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n))
    if (hex(digest) === target) return n
    if (n % 1000 === 0) {
      onProgress(n)
      if (shouldStop()) return null
    }
  }
  return null
}

/** What POST /captcha takes as `payload`: base64 of the solution's JSON, as the altcha widget sends it. */
export function encodePayload(challenge: AltchaChallenge, number: number): string {
  const { algorithm, salt, signature } = challenge
  return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }))
}
