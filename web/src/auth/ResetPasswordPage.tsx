import { FormattedMessage, useIntl } from 'react-intl'
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
import { signInErrorMessage } from './signInErrors'
import type { SignInState } from './SignInPage'

/** The mailed link is /reset-password#token=...: the fragment keeps the token out of server logs. */
export function ResetPasswordPage() {
  const intl = useIntl()
  const navigate = useNavigate()
  const token = useFragmentToken('token')
  const passwords = usePasswordPair()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const backToSignIn = intl.formatMessage({ id: 'auth.backToSignIn', defaultMessage: 'Back to sign in' })

  if (!token) {
    return (
      <AuthLayout
        title={intl.formatMessage({ id: 'auth.reset.missing.title', defaultMessage: 'Reset link needed' })}
        subtitle={intl.formatMessage({
          id: 'auth.reset.missing.subtitle',
          defaultMessage: 'This page sets a new password from a reset link.',
        })}
        footer={<SignInLink>{backToSignIn}</SignInLink>}
      >
        <p className="text-[15px] muted">
          <FormattedMessage
            id="auth.reset.missing.body"
            defaultMessage="Open the link from the password-reset email, or <link>ask for a new one</link>."
            values={{
              link: (chunks) => (
                <Link to="/forgot-password" className="link">
                  {chunks}
                </Link>
              ),
            }}
          />
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
        notice: intl.formatMessage({
          id: 'auth.reset.done',
          defaultMessage: 'Your password was changed and every session signed out. Sign in with your new password.',
        }),
      }
      navigate('/signin', { replace: true, state })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  const passwordError = error instanceof ApiError ? error.fieldError('password') : undefined
  const badLink = error instanceof ApiError && error.problem.type === '/problems/invalid-reset-token'
  return (
    <AuthLayout
      title={intl.formatMessage({ id: 'auth.reset.title', defaultMessage: 'Choose a new password' })}
      subtitle={intl.formatMessage({
        id: 'auth.reset.subtitle',
        defaultMessage: 'For your account’s safety, every session of the account is signed out when you save it.',
      })}
      footer={<SignInLink>{backToSignIn}</SignInLink>}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {badLink && (
          <Notice tone="error">
            <FormattedMessage
              id="auth.reset.badLink"
              defaultMessage="This reset link is unknown, expired or already used. <link>Ask for a new link</link>."
              values={{
                link: (chunks) => (
                  <Link to="/forgot-password" className="font-medium underline">
                    {chunks}
                  </Link>
                ),
              }}
            />
          </Notice>
        )}
        {error !== null && !passwordError && !badLink && <Notice tone="error">{signInErrorMessage(error)}</Notice>}
        <PasswordFields pair={passwords} serverError={passwordError} />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!passwords.valid}>
          <FormattedMessage id="auth.reset.submit" defaultMessage="Set new password" />
        </Button>
      </form>
    </AuthLayout>
  )
}
