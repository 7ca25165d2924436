import { useState, type FormEvent } from 'react'
import { Navigate, useLocation } from 'react-router'
import type { MfaChallenge } from '../api/auth'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'

export function SignInPage() {
  const auth = useAuth()
  const location = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const from = (location.state as { from?: string } | null)?.from ?? '/files'
  if (auth.status === 'signed-in') return <Navigate to={from} replace />

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const next = await auth.signIn(email.trim(), password)
      if (next) {
        setChallenge(next)
        setBusy(false)
      }
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  if (challenge) {
    return <SecondFactorStep challenge={challenge} onRestart={() => setChallenge(null)} />
  }

  return (
    <AuthLayout title="Sign in to Ferry" subtitle="Send and receive files securely." footer="Got an invitation? Open the link from your email to create your account.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <InlineError error={error} />
        <TextField label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label="Password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!email || !password}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  )
}

/** The second step of a sign-in: a code from the authenticator app or a recovery code. */
function SecondFactorStep({ challenge, onRestart }: { challenge: MfaChallenge; onRestart: () => void }) {
  const auth = useAuth()
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await auth.finishSignIn(challenge.mfa_token, code.trim())
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <AuthLayout title="Two-factor authentication" subtitle="Enter the 6-digit code from your authenticator app, or one of your recovery codes.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <InlineError error={error} />
        <TextField label="Code" autoComplete="one-time-code" inputMode="text" required autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!code.trim()}>
          Verify
        </Button>
        <Button type="button" variant="ghost" className="w-full" onClick={onRestart}>
          Start over
        </Button>
      </form>
    </AuthLayout>
  )
}
