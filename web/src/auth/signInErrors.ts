import { defineMessages, type MessageDescriptor } from 'react-intl'
import { ApiError } from '../api/client'
import { PasskeyCeremonyError } from '../api/webauthn'
import { translate } from '../i18n/current'
import { errorMessage } from '../ui/ErrorNotice'

const SSO = defineMessages({
  startedElsewhere: {
    id: 'auth.sso.startedElsewhere',
    defaultMessage: 'The single sign-on was started in another tab or took too long. Try again.',
  },
  providerRefused: {
    id: 'auth.sso.providerRefused',
    defaultMessage: 'The identity provider did not sign you in. Try again, or use another way to sign in.',
  },
  notVerified: {
    id: 'auth.sso.notVerified',
    defaultMessage: 'The identity provider’s answer could not be verified. Try again, or contact your administrator.',
  },
  noUserInfo: {
    id: 'auth.sso.noUserInfo',
    defaultMessage: 'The identity provider did not tell Ferry who you are. Try again, or contact your administrator.',
  },
  unreachable: {
    id: 'auth.sso.unreachable',
    defaultMessage:
      'The identity provider cannot be reached right now. Try again later, or use another way to sign in.',
  },
  accountExists: {
    id: 'auth.sso.accountExists',
    defaultMessage:
      'An account with your email address exists already but is not linked to this provider. Sign in another way, or ask an administrator to link it.',
  },
  notProvisioned: {
    id: 'auth.sso.notProvisioned',
    defaultMessage: 'There is no Ferry account for you yet. Ask an administrator to create one.',
  },
  noEmail: {
    id: 'auth.sso.noEmail',
    defaultMessage:
      'The identity provider did not share your email address, which Ferry needs. Contact your administrator.',
  },
  suspended: {
    id: 'auth.sso.suspended',
    defaultMessage: 'This account is suspended. Contact your administrator.',
  },
  wrongAudience: {
    id: 'auth.sso.wrongAudience',
    defaultMessage: 'The identity provider’s answer was meant for another service. Contact your administrator.',
  },
  unreadable: {
    id: 'auth.sso.unreadable',
    defaultMessage: 'The identity provider’s answer could not be read. Contact your administrator.',
  },
  malformed: {
    id: 'auth.sso.malformed',
    defaultMessage: 'The identity provider’s answer could not be read. Try again, or contact your administrator.',
  },
  expired: {
    id: 'auth.sso.expired',
    defaultMessage: 'The sign-in took too long. Try again.',
  },
  clockAhead: {
    id: 'auth.sso.clockAhead',
    defaultMessage:
      'The identity provider’s clock is ahead of Ferry’s. Try again in a minute, or contact your administrator.',
  },
  replayed: {
    id: 'auth.sso.replayed',
    defaultMessage: 'This sign-in was used already. Start a new one.',
  },
  signInStartedElsewhere: {
    id: 'auth.sso.signInStartedElsewhere',
    defaultMessage: 'The sign-in was started in another tab or took too long. Try again.',
  },
  networkRefused: {
    id: 'auth.sso.networkRefused',
    defaultMessage:
      'Your account cannot be used from this network or country. Contact your administrator if you need to.',
  },
  failed: { id: 'auth.sso.failed', defaultMessage: 'Single sign-on failed. Try again, or contact your administrator.' },
})

/** Where /signin?sso_error=<reason> came from: the server's single sign-on callback. */
const SSO_ERRORS: Record<string, MessageDescriptor> = {
  state_mismatch: SSO.startedElsewhere,
  unknown_state: SSO.startedElsewhere,
  provider_refused: SSO.providerRefused,
  token_refused: SSO.notVerified,
  invalid_id_token: SSO.notVerified,
  invalid_access_token: SSO.notVerified,
  userinfo_failed: SSO.noUserInfo,
  discovery_failed: SSO.unreachable,
  account_exists: SSO.accountExists,
  admin_not_linked: SSO.accountExists,
  not_provisioned: SSO.notProvisioned,
  email_unverified: SSO.notProvisioned,
  no_email: SSO.noEmail,
  suspended: SSO.suspended,
  metadata_failed: SSO.unreachable,
  invalid_signature: SSO.notVerified,
  unsigned: SSO.notVerified,
  wrong_issuer: SSO.notVerified,
  wrong_audience: SSO.wrongAudience,
  wrong_recipient: SSO.wrongAudience,
  decryption_failed: SSO.unreadable,
  unencrypted: SSO.notVerified,
  unsolicited: SSO.startedElsewhere,
  no_id_token: SSO.notVerified,
  token_failed: SSO.unreachable,
  malformed: SSO.malformed,
  expired: SSO.expired,
  not_yet_valid: SSO.clockAhead,
  replayed: SSO.replayed,
  unknown_request: SSO.signInStartedElsewhere,
  ip_not_allowed: SSO.networkRefused,
  country_not_allowed: SSO.networkRefused,
}

export function ssoErrorMessage(reason: string): string {
  return translate(SSO_ERRORS[reason] ?? SSO.failed)
}

export function isExpiredMfaToken(error: unknown): boolean {
  return error instanceof ApiError && error.problem.type === '/problems/invalid-mfa-token'
}

/** Seconds to wait before the next attempt, when the server said (429 with Retry-After). */
export function retryAfter(error: unknown): number | null {
  return error instanceof ApiError && error.status === 429 ? (error.retryAfter ?? 60) : null
}

const MESSAGES = defineMessages({
  tooManyWait: {
    id: 'auth.signIn.tooManyWait',
    defaultMessage: 'Too many sign-in attempts. Try again in {secondsLeft, plural, one {# second} other {# seconds}}.',
  },
  tooManyNow: { id: 'auth.signIn.tooManyNow', defaultMessage: 'Too many sign-in attempts. You can try again now.' },
  expired: {
    id: 'auth.signIn.mfaExpired',
    defaultMessage: 'This sign-in expired or saw too many wrong codes. Start over and sign in again.',
  },
  passkeyRefused: {
    id: 'auth.signIn.passkeyRefused',
    defaultMessage:
      'The passkey was not accepted. It may belong to another account or server. Try again, or sign in another way.',
  },
})

/** The sentence to show for a failed sign-in step. */
export function signInErrorMessage(error: unknown, secondsLeft = 0): string {
  if (error instanceof PasskeyCeremonyError) return error.message
  if (error instanceof ApiError && error.status === 429) {
    return secondsLeft > 0 ? translate(MESSAGES.tooManyWait, { secondsLeft }) : translate(MESSAGES.tooManyNow)
  }
  if (isExpiredMfaToken(error)) return translate(MESSAGES.expired)
  if (error instanceof ApiError && error.problem.type === '/problems/invalid-passkey') {
    return translate(MESSAGES.passkeyRefused)
  }
  return errorMessage(error)
}
