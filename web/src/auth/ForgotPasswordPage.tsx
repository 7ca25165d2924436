import { FormattedMessage, useIntl } from 'react-intl'
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
  const intl = useIntl()
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const backToSignIn = intl.formatMessage({ id: 'auth.backToSignIn', defaultMessage: 'Back to sign in' })

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
      <AuthLayout
        title={intl.formatMessage({ id: 'auth.forgot.sent.title', defaultMessage: 'Check your email' })}
        footer={<SignInLink>{backToSignIn}</SignInLink>}
      >
        <div className="space-y-4">
          <Notice tone="success">
            <FormattedMessage
              id="auth.forgot.sent.notice"
              defaultMessage="If an account exists for <b>{email}</b>, we sent a link to reset its password."
              values={{
                email: sent,
                b: (chunks) => (
                  <bdi className="font-semibold break-all" dir="ltr">
                    {chunks}
                  </bdi>
                ),
              }}
            />
          </Notice>
          <p className="text-[15px] muted">
            <FormattedMessage
              id="auth.forgot.sent.body"
              defaultMessage="The link works once and expires soon. Accounts that sign in with an organization directory password (LDAP / Active Directory) get no link: reset that password in the directory. Nothing arrived? Check your spam folder, or <retry>try another address</retry>."
              values={{
                retry: (chunks) => (
                  <button type="button" className="link" onClick={() => setSent(null)}>
                    {chunks}
                  </button>
                ),
              }}
            />
          </p>
        </div>
      </AuthLayout>
    )
  }

  return (
    <AuthLayout
      title={intl.formatMessage({ id: 'auth.forgot.title', defaultMessage: 'Reset your password' })}
      subtitle={intl.formatMessage({
        id: 'auth.forgot.subtitle',
        defaultMessage: 'Enter your account’s email address and we will send you a link to choose a new password.',
      })}
      footer={<SignInLink>{backToSignIn}</SignInLink>}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error !== null && <Notice tone="error">{signInErrorMessage(error)}</Notice>}
        <TextField
          label={intl.formatMessage({ id: 'auth.forgot.email', defaultMessage: 'Email' })}
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!email.trim()}>
          <FormattedMessage id="auth.forgot.submit" defaultMessage="Send reset link" />
        </Button>
      </form>
    </AuthLayout>
  )
}
