import { useState, type FormEvent } from 'react'
import { requestPasswordReset } from '../api/auth'
import { Button } from '../ui/Button'
import { TextField } from '../ui/Field'
import { SignInLink } from './AccountFromLinkPage'
import { AuthLayout } from './AuthLayout'
import { Notice } from './Notice'
import { signInErrorMessage } from './signInErrors'

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await requestPasswordReset(email.trim())
      setSent(email.trim())
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  if (sent) {
    return (
      <AuthLayout title="Check your email" footer={<SignInLink>Back to sign in</SignInLink>}>
        <div className="space-y-4">
          <Notice tone="success">
            If an account exists for <strong className="font-semibold break-all">{sent}</strong>, we sent a link to
            reset its password.
          </Notice>
          <p className="text-[15px] muted">
            The link works once and expires soon. Accounts that sign in with an organization directory password (LDAP /
            Active Directory) get no link: reset that password in the directory. Nothing arrived? Check your spam
            folder, or{' '}
            <button type="button" className="link" onClick={() => setSent(null)}>
              try another address
            </button>
            .
          </p>
        </div>
      </AuthLayout>
    )
  }

  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter your account’s email address and we will send you a link to choose a new password."
      footer={<SignInLink>Back to sign in</SignInLink>}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error !== null && <Notice tone="error">{signInErrorMessage(error)}</Notice>}
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!email.trim()}>
          Send reset link
        </Button>
      </form>
    </AuthLayout>
  )
}
