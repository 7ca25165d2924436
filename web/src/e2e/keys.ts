import { generateIdentity, identityToRecipient } from 'age-encryption'
import { api } from '../api/client'
import { openText, sealText } from './age'

export interface AgeKey {
  recipient: string
  wrapped_identity: string
  created_at: string
}

export function getAgeKey(): Promise<AgeKey> {
  return api.request<AgeKey>('/api/v1/e2e/key')
}

/** A new identity, made here and stored on the server only wrapped under `passphrase`. */
export async function createAgeKey(passphrase: string): Promise<AgeKey> {
  const identity = await generateIdentity()
  const recipient = await identityToRecipient(identity)
  const wrapped = await sealText(identity, { passphrase })
  return api.request<AgeKey>('/api/v1/e2e/key', {
    method: 'PUT',
    json: { recipient, wrapped_identity: wrapped },
  })
}

/** The caller's identity, unwrapped in this browser with the key passphrase. */
export async function unlockAgeKey(passphrase: string): Promise<string> {
  const key = await getAgeKey()
  return (await openText(key.wrapped_identity, { passphrase })).trim()
}

export async function recipientOf(email: string): Promise<string> {
  const found = await api.request<{ recipient: string }>(`/api/v1/e2e/recipients?email=${encodeURIComponent(email)}`)
  return found.recipient
}
