import { describe, expect, it } from 'vitest'
import { ssoErrorMessage } from './signInErrors'

describe('ssoErrorMessage', () => {
  it('explains the SAML refusals of encrypted assertions in words, not the reason code', () => {
    expect(ssoErrorMessage('decryption_failed')).toBe(
      'The identity provider’s answer could not be read. Contact your administrator.',
    )
    expect(ssoErrorMessage('unencrypted')).toBe(
      'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
    )
  })

  it('falls back to a general sentence for a reason it does not know', () => {
    expect(ssoErrorMessage('something_new')).toBe('Single sign-on failed. Try again, or contact your administrator.')
  })
})
