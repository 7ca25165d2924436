import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent, type ReactNode } from 'react'
import { addPasskey, changePassword, enableTotp, passkeysSupported } from '../api/account'
import { ApiError, type Restriction } from '../api/client'
import { useAuth } from '../auth/AuthProvider'
import { describeUserAgent } from '../lib/userAgent'
import { AuthLayout } from '../auth/AuthLayout'
import { PasswordFields, usePasswordPair } from '../auth/PasswordFields'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { RecoveryCodes } from './RecoveryCodes'
import { TotpSetup } from './TotpSetup'

/**
 * The one thing a restricted session can do: set up a second factor, or choose a new
 * password. It stands in for whatever page was asked for, which shows once the step is done.
 */
export function RestrictedStep({ restriction }: { restriction: Restriction }) {
  return restriction === 'mfa-enrollment' ? <EnrollStep /> : <PasswordStep />
}

function SignOutFooter() {
  const { me, signOut } = useAuth()
  return (
    <>
      <FormattedMessage
        id="security.restrictedStep.signedInAs"
        defaultMessage="Signed in as {email}."
        values={{ email: <bdi>{me?.email}</bdi> }}
      />{' '}
      <button
        type="button"
        className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300"
        onClick={() => void signOut()}
      >
        <FormattedMessage id="security.restrictedStep.signOut" defaultMessage="Sign out" />
      </button>
    </>
  )
}

function EnrollStep() {
  const intl = useIntl()
  const { me, recheckRestriction } = useAuth()
  const [codes, setCodes] = useState<string[] | null>(null)
  const totp = useMutation({ mutationFn: enableTotp })
  const passkey = useMutation({
    mutationFn: () => addPasskey(describeUserAgent(navigator.userAgent)),
    onSuccess: () => recheckRestriction(),
  })
  const done = useMutation({ mutationFn: recheckRestriction })

  let body
  if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        account={me?.email}
        doneLabel={intl.formatMessage({ id: 'security.restrictedStep.continue', defaultMessage: 'Continue' })}
        onDone={() => done.mutate()}
      />
    )
  } else if (totp.data) {
    body = <TotpSetup enrollment={totp.data} onConfirmed={setCodes} onCancel={() => totp.reset()} />
  } else {
    body = (
      <div className="space-y-3">
        <InlineError error={totp.error ?? passkey.error} />
        <MethodButton
          icon="shield"
          title={intl.formatMessage({
            id: 'security.restrictedStep.authenticatorApp',
            defaultMessage: 'Authenticator app',
          })}
          busy={totp.isPending}
          onClick={() => totp.mutate()}
        >
          <FormattedMessage
            id="security.restrictedStep.a6DigitCode"
            defaultMessage="A 6-digit code from an app on your phone at each sign-in."
          />
        </MethodButton>
        {passkeysSupported() && (
          <MethodButton
            icon="key"
            title={intl.formatMessage({ id: 'security.restrictedStep.passkey', defaultMessage: 'Passkey' })}
            busy={passkey.isPending}
            onClick={() => passkey.mutate()}
          >
            <FormattedMessage
              id="security.restrictedStep.yourDeviceSFingerprint"
              defaultMessage="Your device's fingerprint, face or screen lock, or a security key."
            />
          </MethodButton>
        )}
      </div>
    )
  }
  return (
    <AuthLayout
      wide={totp.data !== undefined || codes !== null}
      title={intl.formatMessage({
        id: 'security.restrictedStep.setUpTwoFactor',
        defaultMessage: 'Set up two-factor authentication',
      })}
      subtitle={intl.formatMessage({
        id: 'security.restrictedStep.secondFactorRequired',
        defaultMessage: 'This server requires a second factor for your account. Set one up to continue.',
      })}
      footer={<SignOutFooter />}
    >
      <InlineError error={done.error} />
      {body}
    </AuthLayout>
  )
}

function MethodButton({
  icon,
  title,
  busy,
  onClick,
  children,
}: {
  icon: 'shield' | 'key'
  title: string
  busy: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      disabled={busy}
      onClick={onClick}
      className="flex w-full items-start gap-3 rounded-xl border border-zinc-200 p-4 text-start transition-colors hover:border-accent-400 hover:bg-accent-50/60 disabled:opacity-60 dark:border-zinc-700 dark:hover:border-accent-500 dark:hover:bg-accent-950/40"
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-100 text-accent-800 dark:bg-accent-900 dark:text-accent-100">
        <Icon name={icon} />
      </span>
      <span>
        <span className="block font-medium">
          {busy ? (
            <FormattedMessage id="security.restrictedStep.busy" defaultMessage="{title}…" values={{ title }} />
          ) : (
            title
          )}
        </span>
        <span className="block text-sm muted">{children}</span>
      </span>
    </button>
  )
}

function PasswordStep() {
  const intl = useIntl()
  const { recheckRestriction } = useAuth()
  const [current, setCurrent] = useState('')
  const pair = usePasswordPair()
  const change = useMutation({
    mutationFn: async () => {
      await changePassword(current, pair.password)
      await recheckRestriction()
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (pair.valid) change.mutate()
  }
  const fieldError = (field: string) => (change.error instanceof ApiError ? change.error.fieldError(field) : undefined)
  return (
    <AuthLayout
      title={intl.formatMessage({
        id: 'security.restrictedStep.chooseANewPassword',
        defaultMessage: 'Choose a new password',
      })}
      subtitle={intl.formatMessage({
        id: 'security.restrictedStep.passwordExpired',
        defaultMessage: 'Your password has reached its maximum age. Choose a new one to continue.',
      })}
      footer={<SignOutFooter />}
    >
      <form onSubmit={submit} className="space-y-4">
        {!fieldError('current_password') && !fieldError('new_password') && <InlineError error={change.error} />}
        <TextField
          label={intl.formatMessage({
            id: 'security.restrictedStep.currentPassword',
            defaultMessage: 'Current password',
          })}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          error={fieldError('current_password')}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <PasswordFields pair={pair} serverError={fieldError('new_password')} />
        <Button
          type="submit"
          variant="primary"
          className="w-full"
          busy={change.isPending}
          disabled={!current || !pair.valid}
        >
          <FormattedMessage
            id="security.restrictedStep.changePasswordAndContinue"
            defaultMessage="Change password and continue"
          />
        </Button>
      </form>
    </AuthLayout>
  )
}
