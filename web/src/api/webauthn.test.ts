import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './client'
import { base64urlToBytes, bytesToBase64url, parseRequestOptions } from './webauthn'
import { retryAfter, signInErrorMessage, ssoErrorMessage } from '../auth/signInErrors'

afterEach(() => vi.unstubAllGlobals())

describe('WebAuthn JSON', () => {
  it('round-trips base64url without padding', () => {
    const bytes = new Uint8Array([251, 255, 0, 1, 2])
    expect(bytesToBase64url(bytes)).toBe('-_8AAQI')
    expect(Array.from(base64urlToBytes('-_8AAQI'))).toEqual([251, 255, 0, 1, 2])
    expect(bytesToBase64url(null)).toBeNull()
  })

  it('decodes request options by hand where the browser cannot', () => {
    vi.stubGlobal('PublicKeyCredential', undefined)
    const parsed = parseRequestOptions({
      challenge: 'AQID',
      rpId: 'ferry.example',
      userVerification: 'required',
      allowCredentials: [{ type: 'public-key', id: 'AAE', transports: ['internal'] }],
    })
    expect(Array.from(new Uint8Array(parsed.challenge as ArrayBuffer))).toEqual([1, 2, 3])
    expect(parsed.rpId).toBe('ferry.example')
    expect(parsed.allowCredentials![0]!.transports).toEqual(['internal'])
  })

  it('uses the browser parser when there is one', () => {
    const parse = vi.fn(() => ({ challenge: new Uint8Array([9]) }))
    vi.stubGlobal('PublicKeyCredential', { parseRequestOptionsFromJSON: parse })
    parseRequestOptions({ challenge: 'CQ' })
    expect(parse).toHaveBeenCalledWith({ challenge: 'CQ' })
  })
})

describe('sign-in errors', () => {
  it('names the wait a 429 asked for, and a default when it did not say', () => {
    expect(retryAfter(new ApiError(429, {}, 12))).toBe(12)
    expect(retryAfter(new ApiError(429, {}))).toBe(60)
    expect(retryAfter(new ApiError(401, {}))).toBeNull()
    expect(signInErrorMessage(new ApiError(429, {}, 1), 1)).toBe('Too many sign-in attempts. Try again in 1 second.')
  })

  it('has a sentence for every single sign-on failure, and one for the unknown', () => {
    expect(ssoErrorMessage('suspended')).toBe('This account is suspended. Contact your administrator.')
    expect(ssoErrorMessage('something_new')).toBe('Single sign-on failed. Try again, or contact your administrator.')
  })
})
