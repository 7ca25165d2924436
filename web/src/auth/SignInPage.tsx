import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, Navigate, useLocation, useSearchParams } from 'react-router'
import { fetchSignInMethods, signInWithPasskey, type MfaChallenge, type SignInMethod } from '../api/auth'
import { Button } from '../ui/Button'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageSpinner } from '../ui/Spinner'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { useCooldown } from './cooldown'
import { Notice } from './Notice'
import { SecondFactorStep } from './SecondFactorStep'
import { retryAfter, signInErrorMessage, ssoErrorMessage } from './signInErrors'

/** What other pages hand the sign-in page: a note to show (after a password reset, say). */
export interface SignInState {
  from?: string
  notice?: string
}

export function SignInPage() {
  const intl = useIntl()
  const auth = useAuth()
  const location = useLocation()
  const [params] = useSearchParams()
  const methods = useQuery({ queryKey: ['auth', 'providers'], queryFn: fetchSignInMethods, staleTime: 60_000 })
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null)

  const state = location.state as SignInState | null
  if (auth.status === 'signed-in') return <Navigate to={state?.from ?? '/files'} replace />
  if (challenge) return <SecondFactorStep challenge={challenge} onRestart={() => setChallenge(null)} />
  if (methods.isPending)
    return (
      <PageSpinner
        label={intl.formatMessage({ id: 'auth.signIn.loading', defaultMessage: 'Loading the sign-in options' })}
      />
    )

  // Without the list (an old proxy, a hiccup) the password form is the best guess.
  const offered = methods.data ?? [{ type: 'password' }]
  const password = offered.some((m) => m.type === 'password')
  const ssoError = params.get('sso_error')
  return (
    <AuthLayout
      title={intl.formatMessage({ id: 'auth.signIn.title', defaultMessage: 'Sign in to Ferry' })}
      subtitle={intl.formatMessage({ id: 'auth.signIn.subtitle', defaultMessage: 'Send and receive files securely.' })}
      footer={intl.formatMessage({
        id: 'auth.signIn.invitation',
        defaultMessage: 'Got an invitation? Open the link from your email to create your account.',
      })}
    >
      <div className="space-y-4">
        {state?.notice && <Notice tone="success">{state.notice}</Notice>}
        {ssoError && <Notice tone="error">{ssoErrorMessage(ssoError)}</Notice>}
        {password && <PasswordForm onChallenge={setChallenge} />}
        <OtherMethods methods={offered} separated={password} />
      </div>
    </AuthLayout>
  )
}

function PasswordForm({ onChallenge }: { onChallenge: (challenge: MfaChallenge) => void }) {
  const intl = useIntl()
  const auth = useAuth()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const cooldown = useCooldown()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const next = await auth.signIn(email.trim(), password)
      if (next) onChallenge(next)
    } catch (e) {
      setError(e)
      const wait = retryAfter(e)
      if (wait !== null) cooldown.start(wait)
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error !== null && <Notice tone="error">{signInErrorMessage(error, cooldown.secondsLeft)}</Notice>}
      <TextField
        label={intl.formatMessage({ id: 'auth.signIn.email', defaultMessage: 'Email' })}
        type="email"
        autoComplete="username"
        required
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <div>
        <TextField
          label={intl.formatMessage({ id: 'auth.signIn.password', defaultMessage: 'Password' })}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="mt-1.5 text-end text-sm">
          <Link to="/forgot-password" className="link">
            <FormattedMessage id="auth.signIn.forgotPassword" defaultMessage="Forgot password?" />
          </Link>
        </p>
      </div>
      <Button
        type="submit"
        variant="primary"
        className="w-full"
        busy={busy}
        disabled={!email || !password || cooldown.secondsLeft > 0}
      >
        <FormattedMessage id="auth.signIn.submit" defaultMessage="Sign in" />
      </Button>
    </form>
  )
}

const LINK_BUTTON =
  'inline-flex h-10 w-full items-center justify-center gap-2 rounded-lg border border-zinc-300 bg-white px-4 text-[15px] font-medium text-zinc-800 shadow-xs transition-colors hover:bg-zinc-50 active:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800'

/** The passkey button and one button per single sign-on provider, each a plain link to its start URL. */
function OtherMethods({ methods, separated }: { methods: SignInMethod[]; separated: boolean }) {
  const auth = useAuth()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const passkey = methods.some((m) => m.type === 'passkey')
  const providers = methods.filter((m) => m.type === 'oidc' || m.type === 'saml')
  if (!passkey && providers.length === 0) return null

  const withPasskey = async () => {
    setBusy(true)
    setError(null)
    try {
      await signInWithPasskey()
      await auth.adopt()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <div className="space-y-3">
      {separated && (
        <div className="flex items-center gap-3 py-1 text-sm muted" aria-hidden="true">
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
          <FormattedMessage id="auth.signIn.or" defaultMessage="or" />
          <span className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
        </div>
      )}
      {error !== null && <Notice tone="error">{signInErrorMessage(error)}</Notice>}
      {passkey && (
        <Button icon="key" className="w-full" busy={busy} onClick={withPasskey}>
          <FormattedMessage id="auth.signIn.passkey" defaultMessage="Sign in with a passkey" />
        </Button>
      )}
      {providers.map((provider) => (
        <a key={`${provider.type}:${provider.id}`} href={provider.start_url} className={LINK_BUTTON}>
          <Icon name="shield" className="size-[18px] shrink-0" />
          <FormattedMessage
            id="auth.signIn.provider"
            defaultMessage="Sign in with {name}"
            values={{ name: provider.name }}
          />
        </a>
      ))}
    </div>
  )
}
