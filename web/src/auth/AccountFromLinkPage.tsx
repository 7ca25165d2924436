import { useIntl } from 'react-intl'
import { useState, type FormEvent, type ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../api/client'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { useFragmentToken } from './fragment'
import { PasswordFields, usePasswordPair } from './PasswordFields'

type Props = {
  /** Name of the #fragment parameter that carries the one-time token. */
  fragmentKey: string
  /** What to show when the page was opened without its token. */
  missing: { title: string; subtitle: string; body: ReactNode }
  title: string
  subtitle: string
  footer?: ReactNode
  submitLabel: string
  create: (token: string, email: string, password: string, name: string) => Promise<unknown>
}

/**
 * Creates an account from a one-time link (an invitation, or the first-start setup link)
 * and signs the new account in. The token travels in the URL fragment, never to a server log.
 */
export function AccountFromLinkPage({ fragmentKey, missing, title, subtitle, footer, submitLabel, create }: Props) {
  const intl = useIntl()
  const auth = useAuth()
  const navigate = useNavigate()
  const token = useFragmentToken(fragmentKey)
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const passwords = usePasswordPair()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  if (!token) {
    return (
      <AuthLayout title={missing.title} subtitle={missing.subtitle}>
        <p className="text-[15px] muted">{missing.body}</p>
      </AuthLayout>
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!passwords.valid) return
    setBusy(true)
    setError(null)
    try {
      await create(token, email.trim(), passwords.password, name.trim())
      await auth.signIn(email.trim(), passwords.password)
      navigate('/files', { replace: true })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined)
  return (
    <AuthLayout title={title} subtitle={subtitle} footer={footer}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'auth.account.name', defaultMessage: 'Your name' })}
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={intl.formatMessage({ id: 'auth.account.email', defaultMessage: 'Email' })}
          type="email"
          autoComplete="username"
          required
          autoFocus
          value={email}
          error={fieldError('email')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <PasswordFields pair={passwords} serverError={fieldError('password')} />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!email || !passwords.valid}>
          {submitLabel}
        </Button>
      </form>
    </AuthLayout>
  )
}

/** Link to the sign-in page, for the pages' hints. */
export function SignInLink({ children }: { children: ReactNode }) {
  return (
    <Link to="/signin" className="link">
      {children}
    </Link>
  )
}
