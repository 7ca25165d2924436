import { defineMessages } from 'react-intl'
import { translate } from '../i18n/current'
/**
 * The WebAuthn JSON the server speaks (options as the browser's parse*OptionsFromJSON reads
 * them, credentials as credential.toJSON() writes them), with a hand-written fallback for
 * browsers that lack those helpers.
 */

export interface RequestOptionsJSON {
  challenge: string
  rpId?: string
  timeout?: number
  userVerification?: UserVerificationRequirement
  allowCredentials?: { type: 'public-key'; id: string; transports?: string[] }[]
}

export function base64urlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(value.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function bytesToBase64url(buffer: ArrayBuffer | ArrayBufferView | null): string | null {
  if (buffer === null) return null
  const bytes =
    buffer instanceof ArrayBuffer
      ? new Uint8Array(buffer)
      : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

type PublicKeyCredentialStatics = {
  parseRequestOptionsFromJSON?: (options: RequestOptionsJSON) => PublicKeyCredentialRequestOptions
}

export function parseRequestOptions(options: RequestOptionsJSON): PublicKeyCredentialRequestOptions {
  const statics = (globalThis as { PublicKeyCredential?: PublicKeyCredentialStatics }).PublicKeyCredential
  if (statics?.parseRequestOptionsFromJSON) return statics.parseRequestOptionsFromJSON(options)
  const parsed: PublicKeyCredentialRequestOptions = { challenge: base64urlToBytes(options.challenge) }
  if (options.rpId !== undefined) parsed.rpId = options.rpId
  if (options.timeout !== undefined) parsed.timeout = options.timeout
  if (options.userVerification !== undefined) parsed.userVerification = options.userVerification
  if (options.allowCredentials) {
    parsed.allowCredentials = options.allowCredentials.map((c) => ({
      type: c.type,
      id: base64urlToBytes(c.id),
      ...(c.transports ? { transports: c.transports as AuthenticatorTransport[] } : {}),
    }))
  }
  return parsed
}

/** What credential.toJSON() gives, built by hand where the browser has no toJSON. */
export function assertionToJSON(credential: PublicKeyCredential): unknown {
  const withJson = credential as PublicKeyCredential & { toJSON?: () => unknown }
  if (typeof withJson.toJSON === 'function') return withJson.toJSON()
  const response = credential.response as AuthenticatorAssertionResponse
  return {
    id: credential.id,
    rawId: bytesToBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: {
      clientDataJSON: bytesToBase64url(response.clientDataJSON),
      authenticatorData: bytesToBase64url(response.authenticatorData),
      signature: bytesToBase64url(response.signature),
      userHandle: bytesToBase64url(response.userHandle),
    },
  }
}

const CEREMONY = defineMessages({
  unsupported: {
    id: 'api.passkey.unsupported',
    defaultMessage: 'This browser cannot use passkeys. Use another way to sign in.',
  },
  noneChosen: {
    id: 'api.passkey.noneChosen',
    defaultMessage: 'No passkey was chosen. Try again, or use another way to sign in.',
  },
  cancelled: {
    id: 'api.passkey.cancelled',
    defaultMessage: 'The passkey request was cancelled or timed out. Try again, or use another way to sign in.',
  },
  wrongAddress: {
    id: 'api.passkey.wrongAddress',
    defaultMessage: 'This address cannot use passkeys. Open Ferry at its usual address and try again.',
  },
  noMatch: {
    id: 'api.passkey.noMatch',
    defaultMessage: 'No passkey on this device works for this account. Try another device or another way to sign in.',
  },
  failed: {
    id: 'api.passkey.failed',
    defaultMessage: 'The passkey could not be used. Try again, or use another way to sign in.',
  },
})

/** Why a ceremony ended without a credential, in words for the person at the keyboard. */
export class PasskeyCeremonyError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PasskeyCeremonyError'
  }
}

export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function' && !!navigator.credentials
}

/** Asks the browser for an assertion; a cancel or a timeout becomes a PasskeyCeremonyError. */
export async function getAssertion(options: RequestOptionsJSON): Promise<unknown> {
  if (!passkeysSupported()) throw new PasskeyCeremonyError(translate(CEREMONY.unsupported))
  let credential: Credential | null
  try {
    credential = await navigator.credentials.get({ publicKey: parseRequestOptions(options) })
  } catch (e) {
    throw new PasskeyCeremonyError(ceremonyMessage(e))
  }
  if (!credential) throw new PasskeyCeremonyError(translate(CEREMONY.noneChosen))
  return assertionToJSON(credential as PublicKeyCredential)
}

function ceremonyMessage(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return translate(CEREMONY.cancelled)
  }
  if (name === 'SecurityError') return translate(CEREMONY.wrongAddress)
  if (name === 'InvalidStateError' || name === 'NotSupportedError') {
    return translate(CEREMONY.noMatch)
  }
  return translate(CEREMONY.failed)
}
