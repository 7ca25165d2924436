import { ApiError } from '../api/client'
import { PasskeyCeremonyError } from '../api/webauthn'
import { errorMessage } from '../ui/ErrorNotice'

/** Where /signin?sso_error=<reason> came from: the server's single sign-on callback. */
const SSO_ERRORS: Record<string, string> = {
  state_mismatch: 'The single sign-on was started in another tab or took too long. Try again.',
  unknown_state: 'The single sign-on was started in another tab or took too long. Try again.',
  provider_refused: 'The identity provider did not sign you in. Try again, or use another way to sign in.',
  token_refused: 'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  invalid_id_token: 'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  invalid_access_token:
    'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  userinfo_failed: 'The identity provider did not tell Ferry who you are. Try again, or contact your administrator.',
  discovery_failed:
    'The identity provider cannot be reached right now. Try again later, or use another way to sign in.',
  account_exists:
    'An account with your email address exists already but is not linked to this provider. Sign in another way, or ask an administrator to link it.',
  not_provisioned: 'There is no Ferry account for you yet. Ask an administrator to create one.',
  no_email: 'The identity provider did not share your email address, which Ferry needs. Contact your administrator.',
  suspended: 'This account is suspended. Contact your administrator.',
  // SAML 2.0: the assertion consumer's reasons (docs/sso.md, SAML 2.0)
  metadata_failed: 'The identity provider cannot be reached right now. Try again later, or use another way to sign in.',
  invalid_signature: 'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  unsigned: 'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  wrong_issuer: 'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  wrong_audience: 'The identity provider’s answer was meant for another service. Contact your administrator.',
  wrong_recipient: 'The identity provider’s answer was meant for another service. Contact your administrator.',
  encrypted_unsupported: 'The identity provider’s answer could not be read. Contact your administrator.',
  malformed: 'The identity provider’s answer could not be read. Try again, or contact your administrator.',
  expired: 'The sign-in took too long. Try again.',
  not_yet_valid:
    'The identity provider’s clock is ahead of Ferry’s. Try again in a minute, or contact your administrator.',
  replayed: 'This sign-in was used already. Start a new one.',
  unknown_request: 'The sign-in was started in another tab or took too long. Try again.',
}

export function ssoErrorMessage(reason: string): string {
  return SSO_ERRORS[reason] ?? 'Single sign-on failed. Try again, or contact your administrator.'
}

export function isExpiredMfaToken(error: unknown): boolean {
  return error instanceof ApiError && error.problem.type === '/problems/invalid-mfa-token'
}

/** Seconds to wait before the next attempt, when the server said (429 with Retry-After). */
export function retryAfter(error: unknown): number | null {
  return error instanceof ApiError && error.status === 429 ? (error.retryAfter ?? 60) : null
}

/** The sentence to show for a failed sign-in step. */
export function signInErrorMessage(error: unknown, secondsLeft = 0): string {
  if (error instanceof PasskeyCeremonyError) return error.message
  if (error instanceof ApiError && error.status === 429) {
    return secondsLeft > 0
      ? `Too many sign-in attempts. Try again in ${secondsLeft} second${secondsLeft === 1 ? '' : 's'}.`
      : 'Too many sign-in attempts. You can try again now.'
  }
  if (isExpiredMfaToken(error)) return 'This sign-in expired or saw too many wrong codes. Start over and sign in again.'
  if (error instanceof ApiError && error.problem.type === '/problems/invalid-passkey') {
    return 'The passkey was not accepted. It may belong to another account or server. Try again, or sign in another way.'
  }
  return errorMessage(error)
}

/** A password the policy refused: the field's message as a sentence, and the hints not in it already. */
export function passwordProblem(error: unknown, field: string): { message: string; suggestions: string[] } | null {
  if (!(error instanceof ApiError)) return null
  const message = error.fieldError(field)
  if (!message) return null
  const sentence = /^[a-z]/.test(message) ? `This password ${message}` : message
  return { message: sentence, suggestions: error.fieldSuggestions(field).filter((s) => !message.includes(s)) }
}
