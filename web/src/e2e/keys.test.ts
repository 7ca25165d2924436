import { Encrypter, Stanza } from 'age-encryption'
import { sealText, toBase64 } from './age'
import { wrappedByPasskey, type AgeKey } from './keys'

const key = (wrapped: string): AgeKey => ({ recipient: 'age1x', wrapped_identity: wrapped, created_at: '' })

describe('how a stored age identity is wrapped', () => {
  it('tells a passkey (fido2prf stanza) from a key passphrase (scrypt)', async () => {
    const encrypter = new Encrypter()
    // The stanza WebAuthnRecipient writes; its body needs no passkey to be recognised.
    encrypter.addRecipient({ wrapFileKey: () => [new Stanza(['age-encryption.org/fido2prf', 'bm9uY2U'], new Uint8Array(32))] })
    const byPasskey = toBase64(await encrypter.encrypt('AGE-SECRET-KEY-1EXAMPLE'))
    expect(wrappedByPasskey(key(byPasskey))).toBe(true)
    const byPassphrase = await sealText('AGE-SECRET-KEY-1EXAMPLE', { passphrase: 'a key passphrase' })
    expect(wrappedByPasskey(key(byPassphrase))).toBe(false)
  }, 60_000)
})
