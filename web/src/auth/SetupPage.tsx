import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { completeSetup } from '../api/auth'
import { ApiError } from '../api/client'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { useFragmentToken } from './fragment'
import { PasswordFields, usePasswordPair } from './PasswordFields'

/** First start without an admin: the server logs /setup#token=..., and this page creates the admin. */
export function SetupPage() {
  const auth = useAuth()
  const navigate = useNavigate()
  const token = useFragmentToken('token')
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const passwords = usePasswordPair()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  if (!token) {
    return (
      <AuthLayout title="Setup link needed" subtitle="This page creates the first administrator.">
        <p className="text-[15px] muted">
          Open the one-time link that Ferry printed in its log on first start (it ends in <code className="kbd">/setup#token=…</code>). If an administrator exists already,{' '}
          <Link to="/signin" className="link">
            sign in
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
      await completeSetup(token, email.trim(), passwords.password, name.trim())
      await auth.signIn(email.trim(), passwords.password)
      navigate('/files', { replace: true })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined)
  return (
    <AuthLayout title="Welcome to Ferry" subtitle="Create the administrator account. This link works once.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        <InlineError error={error} />
        <TextField label="Your name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label="Email" type="email" autoComplete="username" required autoFocus value={email} error={fieldError('email')} onChange={(e) => setEmail(e.target.value)} />
        <PasswordFields pair={passwords} serverError={fieldError('password')} />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!email || !passwords.valid}>
          Create administrator
        </Button>
      </form>
    </AuthLayout>
  )
}
