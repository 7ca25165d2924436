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
    <AuthLayout title="Two-factor authentication" subtitle={subtitle(kind, passkey)}>
      <div className="space-y-4">
        {error !== null && <Notice tone="error">{signInErrorMessage(error, cooldown.secondsLeft)}</Notice>}
        {expired ? null : (
          <>
            {kind && (
              <form onSubmit={submit} className="space-y-4" noValidate>
                <TextField
                  key={kind}
                  label={kind === 'totp' ? 'Authentication code' : 'Recovery code'}
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
                  Verify
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
                      {other === 'recovery_code' ? 'Use a recovery code instead' : 'Use the authenticator app instead'}
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
                Use a passkey
              </Button>
            )}
          </>
        )}
        <Button type="button" variant={expired ? 'primary' : 'ghost'} className="w-full" onClick={onRestart}>
          Start over
        </Button>
      </div>
    </AuthLayout>
  )
}

function subtitle(kind: CodeKind | null, passkey: boolean): string {
  if (kind === 'totp')
    return `Enter the 6-digit code from your authenticator app${passkey ? ', or use a passkey' : ''}.`
  if (kind === 'recovery_code')
    return `Enter one of your recovery codes${passkey ? ', or use a passkey' : ''}. Each works once.`
  return 'Confirm that it is you with your passkey.'
}
