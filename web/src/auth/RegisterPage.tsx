import { useState, type FormEvent } from 'react'
import { Link, useNavigate } from 'react-router'
import { register } from '../api/auth'
import { ApiError } from '../api/client'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { useFragmentToken } from './fragment'
import { PasswordFields, usePasswordPair } from './PasswordFields'

/** Accepts an invitation: the admin's link is /register#invitation=..., for one email address. */
export function RegisterPage() {
  const auth = useAuth()
  const navigate = useNavigate()
  const invitation = useFragmentToken('invitation')
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const passwords = usePasswordPair()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  if (!invitation) {
    return (
      <AuthLayout title="Invitation needed" subtitle="Ferry accounts are created by invitation.">
        <p className="text-[15px] muted">
          Open the link from your invitation email, or ask an administrator to invite you. Already have an account?{' '}
          <Link to="/signin" className="link">
            Sign in
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
      await register(invitation, email.trim(), passwords.password, name.trim())
      await auth.signIn(email.trim(), passwords.password)
      navigate('/files', { replace: true })
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined)
  return (
    <AuthLayout title="Create your account" subtitle="You were invited to Ferry. Use the email address the invitation was sent to." footer={<Link to="/signin" className="link">I already have an account</Link>}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <InlineError error={error} />
        <TextField label="Your name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField label="Email" type="email" autoComplete="username" required autoFocus value={email} error={fieldError('email')} onChange={(e) => setEmail(e.target.value)} />
        <PasswordFields pair={passwords} serverError={fieldError('password')} />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!email || !passwords.valid}>
          Create account
        </Button>
      </form>
    </AuthLayout>
  )
}
