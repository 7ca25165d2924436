import { Decrypter, Encrypter, generateIdentity, identityToRecipient, webauthn } from 'age-encryption'
import { api } from '../api/client'
import { defineMessage } from 'react-intl'
import { fromBase64, headerLength, openText, sealText, toBase64, WrongKeyError } from './age'
import { E2eError } from './errors'

export interface AgeKey {
  recipient: string
  wrapped_identity: string
  created_at: string
}

/** How the identity is wrapped before it leaves the browser: a key passphrase, or a passkey's PRF. */
export type KeyWrap = { passphrase: string } | { passkey: string }

export function getAgeKey(): Promise<AgeKey> {
  return api.request<AgeKey>('/api/v1/e2e/key')
}

/**
 * Whether this browser can wrap a key with a passkey: it must offer WebAuthn's PRF extension
 * (Chrome 132+, Safari 18+). Browsers without getClientCapabilities are offered the choice;
 * creating the passkey then says whether PRF works.
 */
export async function passkeyWrapOffered(): Promise<boolean> {
  if (typeof window === 'undefined' || typeof window.PublicKeyCredential !== 'function') return false
  const capabilities = PublicKeyCredential as unknown as { getClientCapabilities?: () => Promise<Record<string, boolean>> }
  if (!capabilities.getClientCapabilities) return true
  return (await capabilities.getClientCapabilities())['extension:prf'] === true
}

/** A new identity, made here and stored on the server only wrapped by `wrap`. */
export async function createAgeKey(wrap: KeyWrap): Promise<AgeKey> {
  const identity = await generateIdentity()
  const recipient = await identityToRecipient(identity)
  const wrapped = 'passphrase' in wrap ? await sealText(identity, wrap) : await sealToPasskey(identity, wrap.passkey)
  return api.request<AgeKey>('/api/v1/e2e/key', {
    method: 'PUT',
    json: { recipient, wrapped_identity: wrapped },
  })
}

// A new discoverable passkey made for this key alone (age's fido2prf stanza, as
// age-plugin-fido2prf reads it): its PRF output wraps the age file key, so unlocking needs the
// passkey and its user verification, and nothing secret is ever typed or stored.
async function sealToPasskey(identity: string, keyName: string): Promise<string> {
  const credential = await webauthn.createCredential({ keyName })
  const encrypter = new Encrypter()
  encrypter.addRecipient(new webauthn.WebAuthnRecipient({ identity: credential }))
  return toBase64(await encrypter.encrypt(identity))
}

export function wrappedByPasskey(key: AgeKey): boolean {
  const bytes = fromBase64(key.wrapped_identity)
  const header = bytes.subarray(0, Math.max(headerLength(bytes), 0))
  return new TextDecoder().decode(header).includes('\n-> age-encryption.org/fido2prf ')
}

/** The caller's identity, unwrapped in this browser with the key passphrase or the passkey. */
export async function unlockAgeKey(passphrase: string | null): Promise<string> {
  const key = await getAgeKey()
  if (!wrappedByPasskey(key)) return (await openText(key.wrapped_identity, { passphrase: passphrase ?? '' })).trim()
  const decrypter = new Decrypter()
  decrypter.addIdentity(new webauthn.WebAuthnIdentity())
  try {
    return (await decrypter.decrypt(fromBase64(key.wrapped_identity), 'text')).trim()
  } catch (error) {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      throw new E2eError(
        defineMessage({
          id: 'e2e.error.passkeyNotUsed',
          defaultMessage: 'The passkey was not used (cancelled or timed out). Try again.',
        }),
        {},
        { cause: error },
      )
    }
    throw new WrongKeyError(error)
  }
}

export async function recipientOf(email: string): Promise<string> {
  const found = await api.request<{ recipient: string }>(`/api/v1/e2e/recipients?email=${encodeURIComponent(email)}`)
  return found.recipient
}
