import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { confirmPasswordReset } from '../api/auth'
import { ApiError } from '../api/client'
import { Button } from '../ui/Button'
import { SignInLink } from './AccountFromLinkPage'
import { AuthLayout } from './AuthLayout'
import { useFragmentToken } from './fragment'
import { Notice } from './Notice'
import { PasswordFields, usePasswordPair } from './PasswordFields'
import { passwordProblem, signInErrorMessage } from './signInErrors'
import type { SignInState } from './SignInPage'

/** The mailed link is /reset-password#token=...: the fragment keeps the token out of server logs. */
export function ResetPasswordPage() {
  const navigate = useNavigate()
  const token = useFragmentToken('token')
  const passwords = usePasswordPair()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  if (!token) {
    return (
      <AuthLayout
        title="Reset link needed"
        subtitle="This page sets a new password from a reset link."
        footer={<SignInLink>Back to sign in</SignInLink>}
      >
        <p className="text-[15px] muted">
          Open the link from the password-reset email, or{' '}
          <Link to="/forgot-password" className="link">
            ask for a new one
          </Link>
          .
        </p>
      </AuthLayout>
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!passwords.valid) return
    setBusy(true)
    setError(null)
    try {
      await confirmPasswordReset(token, passwords.password)
      const state: SignInState = {
        notice: 'Your password was changed and every session signed out. Sign in with your new password.',
      }
      navigate('/signin', { replace: true, state })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  const problem = passwordProblem(error, 'password')
  const badLink = error instanceof ApiError && error.problem.type === '/problems/invalid-reset-token'
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="For your account’s safety, every session of the account is signed out when you save it."
      footer={<SignInLink>Back to sign in</SignInLink>}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {badLink && (
          <Notice tone="error">
            This reset link is unknown, expired or already used.{' '}
            <Link to="/forgot-password" className="font-medium underline">
              Ask for a new link
            </Link>
            .
          </Notice>
        )}
        {error !== null && !problem && !badLink && <Notice tone="error">{signInErrorMessage(error)}</Notice>}
        <PasswordFields
          pair={passwords}
          serverError={problem ? [problem.message, ...problem.suggestions].join(' ') : undefined}
        />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!passwords.valid}>
          Set new password
        </Button>
      </form>
    </AuthLayout>
  )
}
