import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
import { useState, type FormEvent } from 'react'
import { signInWithPasskey, type MfaChallenge } from '../api/auth'
import { Button } from '../ui/Button'
import { TextField } from '../ui/Field'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { useCooldown } from './cooldown'
import { Notice } from './Notice'
import { isExpiredMfaToken, retryAfter, signInErrorMessage } from './signInErrors'

type CodeKind = 'totp' | 'recovery_code'

/**
 * The second step of a password sign-in: a code from the authenticator app, a recovery
 * code, or a passkey, whichever of these the account has.
 */
export function SecondFactorStep({ challenge, onRestart }: { challenge: MfaChallenge; onRestart: () => void }) {
  const intl = useIntl()
  const auth = useAuth()
  const offered = challenge.mfa_methods
  const codes: CodeKind[] = (['totp', 'recovery_code'] as const).filter((m) => offered.includes(m))
  const passkey = offered.includes('passkey')
  const [kind, setKind] = useState<CodeKind | null>(codes[0] ?? null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState<'code' | 'passkey' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const cooldown = useCooldown()
  const expired = isExpiredMfaToken(error)

  const attempt = async (what: 'code' | 'passkey', step: () => Promise<void>) => {
    setBusy(what)
    setError(null)
    try {
      await step()
    } catch (e) {
      setError(e)
      const wait = retryAfter(e)
      if (wait !== null) cooldown.start(wait)
      setBusy(null)
    }
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void attempt('code', () => auth.finishSignIn(challenge.mfa_token, code.replace(/\s+/g, '')))
  }
  const usePasskey = () =>
    attempt('passkey', async () => {
      await signInWithPasskey(challenge.mfa_token)
      await auth.adopt()
    })

  const other = codes.find((c) => c !== kind)
  return (
    <AuthLayout
      title={intl.formatMessage({ id: 'auth.mfa.title', defaultMessage: 'Two-factor authentication' })}
      subtitle={intl.formatMessage(subtitle(kind), { passkey: String(passkey) })}
    >
      <div className="space-y-4">
        {error !== null && <Notice tone="error">{signInErrorMessage(error, cooldown.secondsLeft)}</Notice>}
        {expired ? null : (
          <>
            {kind && (
              <form onSubmit={submit} className="space-y-4" noValidate>
                <TextField
                  key={kind}
                  label={intl.formatMessage(kind === 'totp' ? MESSAGES.totpLabel : MESSAGES.recoveryLabel)}
                  autoComplete={kind === 'totp' ? 'one-time-code' : 'off'}
                  inputMode={kind === 'totp' ? 'numeric' : 'text'}
                  spellCheck={false}
                  required
                  autoFocus
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                />
                <Button
                  type="submit"
                  variant="primary"
                  className="w-full"
                  busy={busy === 'code'}
                  disabled={!code.trim() || busy !== null || cooldown.secondsLeft > 0}
                >
                  <FormattedMessage id="auth.mfa.verify" defaultMessage="Verify" />
                </Button>
                {other && (
                  <p className="text-center text-sm">
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setKind(other)
                        setCode('')
                      }}
                    >
                      {intl.formatMessage(other === 'recovery_code' ? MESSAGES.useRecovery : MESSAGES.useTotp)}
                    </button>
                  </p>
                )}
              </form>
            )}
            {passkey && (
              <Button
                icon="key"
                variant={kind ? 'secondary' : 'primary'}
                className="w-full"
                busy={busy === 'passkey'}
                disabled={busy !== null}
                onClick={usePasskey}
              >
                <FormattedMessage id="auth.mfa.usePasskey" defaultMessage="Use a passkey" />
              </Button>
            )}
          </>
        )}
        <Button type="button" variant={expired ? 'primary' : 'ghost'} className="w-full" onClick={onRestart}>
          <FormattedMessage id="auth.mfa.startOver" defaultMessage="Start over" />
        </Button>
      </div>
    </AuthLayout>
  )
}

const MESSAGES = defineMessages({
  totp: {
    id: 'auth.mfa.subtitle.totp',
    defaultMessage:
      '{passkey, select, true {Enter the 6-digit code from your authenticator app, or use a passkey.} other {Enter the 6-digit code from your authenticator app.}}',
  },
  recovery: {
    id: 'auth.mfa.subtitle.recovery',
    defaultMessage:
      '{passkey, select, true {Enter one of your recovery codes, or use a passkey. Each works once.} other {Enter one of your recovery codes. Each works once.}}',
  },
  passkey: { id: 'auth.mfa.subtitle.passkey', defaultMessage: 'Confirm that it is you with your passkey.' },
  totpLabel: { id: 'auth.mfa.totpLabel', defaultMessage: 'Authentication code' },
  recoveryLabel: { id: 'auth.mfa.recoveryLabel', defaultMessage: 'Recovery code' },
  useRecovery: { id: 'auth.mfa.useRecovery', defaultMessage: 'Use a recovery code instead' },
  useTotp: { id: 'auth.mfa.useTotp', defaultMessage: 'Use the authenticator app instead' },
})

function subtitle(kind: CodeKind | null): MessageDescriptor {
  if (kind === 'totp') return MESSAGES.totp
  if (kind === 'recovery_code') return MESSAGES.recovery
  return MESSAGES.passkey
}
