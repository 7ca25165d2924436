import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import {
  changePassword,
  disableTotp,
  enableTotp,
  regenerateRecoveryCodes,
  twoFactorStatus,
  type TotpEnrollment,
} from '../api/account'
import { useAuth } from '../auth/AuthProvider'
import { RecoveryCodes } from '../security/RecoveryCodes'
import { TotpSetup } from '../security/TotpSetup'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

/** Two-factor authentication with an authenticator app: set up (QR code), recovery codes, turn off. */
export function TwoFactorSection() {
  const intl = useIntl()
  const { me } = useAuth()
  const queries = useQueryClient()
  const status = useQuery({ queryKey: ['2fa'], queryFn: twoFactorStatus })
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const start = useMutation({ mutationFn: enableTotp, onSuccess: setEnrollment })
  const refresh = () => queries.invalidateQueries({ queryKey: ['2fa'] })

  let body
  if (status.isPending) body = <PageSpinner />
  else if (status.isError) body = <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />
  else if (codes) body = <RecoveryCodes codes={codes} account={me?.email} onDone={() => setCodes(null)} />
  else if (enrollment)
    body = (
      <TotpSetup
        enrollment={enrollment}
        onCancel={() => setEnrollment(null)}
        onConfirmed={(recovery) => {
          setEnrollment(null)
          setCodes(recovery)
          void refresh()
        }}
      />
    )
  else if (status.data.totp_enabled)
    body = (
      <div className="space-y-6">
        <p className="text-sm muted">
          <FormattedMessage
            id="account.securitySection.signInsAskFor"
            defaultMessage="Sign-ins ask for a code from your authenticator app (or a passkey, if you have one)."
          />
        </p>
        <NewRecoveryCodes
          recoveryCodesLeft={status.data.recovery_codes_left}
          onCodes={(fresh) => {
            setCodes(fresh)
            void refresh()
          }}
        />
        <DisableTotp required={status.data.required && status.data.passkeys === 0} onDisabled={() => void refresh()} />
      </div>
    )
  else
    body = (
      <div className="space-y-3">
        <p className="text-sm muted">
          <FormattedMessage
            id="account.securitySection.protectYourAccountWith"
            defaultMessage="Protect your account with a code from an authenticator app at every sign-in."
          />
        </p>
        <InlineError error={start.error} />
        <Button variant="primary" busy={start.isPending} onClick={() => start.mutate()}>
          <FormattedMessage
            id="account.securitySection.setUpAuthenticatorApp"
            defaultMessage="Set up authenticator app"
          />
        </Button>
      </div>
    )

  return (
    <Section
      title={intl.formatMessage({
        id: 'account.securitySection.twoFactorAuthentication',
        defaultMessage: 'Two-factor authentication',
      })}
      description={
        status.data?.required
          ? intl.formatMessage({
              id: 'account.securitySection.required',
              defaultMessage:
                'This server requires a second factor (an authenticator app or a passkey) for your account.',
            })
          : undefined
      }
      actions={
        <>
          {status.data?.required && (
            <Badge tone="accent">
              <FormattedMessage id="account.securitySection.requiredByPolicy" defaultMessage="Required by policy" />
            </Badge>
          )}
          {status.data?.totp_enabled ? (
            <Badge tone="green">
              <FormattedMessage id="account.securitySection.appOn" defaultMessage="App on" />
            </Badge>
          ) : (
            <Badge tone="neutral">
              <FormattedMessage id="account.securitySection.appOff" defaultMessage="App off" />
            </Badge>
          )}
        </>
      }
    >
      <div className="px-5 py-5 sm:px-6">{body}</div>
    </Section>
  )
}

function NewRecoveryCodes({
  recoveryCodesLeft,
  onCodes,
}: {
  recoveryCodesLeft: number
  onCodes: (codes: string[]) => void
}) {
  const intl = useIntl()
  const [code, setCode] = useState('')
  const regenerate = useMutation({
    mutationFn: () => regenerateRecoveryCodes(code.replace(/\s/g, '')),
    onSuccess: onCodes,
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    regenerate.mutate()
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <h3 className="font-medium">
        <FormattedMessage id="account.securitySection.recoveryCodes" defaultMessage="Recovery codes" />
      </h3>
      <p className="text-sm muted">
        <FormattedMessage
          id="account.securitySection.recoveryCodesLeft"
          defaultMessage="{count, plural, one {# of your recovery codes is left. New codes replace all the old ones.} other {# of your recovery codes are left. New codes replace all the old ones.}}"
          values={{ count: recoveryCodesLeft }}
        />
      </p>
      <InlineError error={regenerate.error} />
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label={intl.formatMessage({
            id: 'account.securitySection.codeFromTheApp',
            defaultMessage: 'Code from the app',
          })}
          className="w-44"
          autoComplete="one-time-code"
          inputMode="numeric"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" busy={regenerate.isPending} disabled={!code.trim()}>
          <FormattedMessage id="account.securitySection.newRecoveryCodes" defaultMessage="New recovery codes" />
        </Button>
      </div>
    </form>
  )
}

function DisableTotp({ required, onDisabled }: { required: boolean; onDisabled: () => void }) {
  const intl = useIntl()
  const toast = useToast()
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const disable = useMutation({
    mutationFn: () => disableTotp(password, code.trim()),
    onSuccess: () => {
      toast.show(
        intl.formatMessage({
          id: 'account.securitySection.twoFactorAuthenticationIs',
          defaultMessage: 'Two-factor authentication is off',
        }),
      )
      onDisabled()
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    disable.mutate()
  }
  if (required) {
    return (
      <p className="text-sm muted">
        <FormattedMessage
          id="account.securitySection.theAuthenticatorAppIs"
          defaultMessage="The authenticator app is your only second factor and this server requires one, so it cannot be turned off. Add a passkey first to turn it off."
        />
      </p>
    )
  }
  return (
    <form onSubmit={submit} className="space-y-3">
      <h3 className="font-medium">
        <FormattedMessage id="account.securitySection.turnOff2" defaultMessage="Turn off" />
      </h3>
      <InlineError error={disable.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={intl.formatMessage({ id: 'account.securitySection.password', defaultMessage: 'Password' })}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          label={intl.formatMessage({ id: 'account.securitySection.code', defaultMessage: 'Code' })}
          autoComplete="one-time-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </div>
      <Button type="submit" variant="danger-secondary" busy={disable.isPending} disabled={!password || !code.trim()}>
        <FormattedMessage id="account.securitySection.turnOff" defaultMessage="Turn off" />
      </Button>
    </form>
  )
}

/**
 * Changing one's password; the server signs out every other session. An account whose
 * password lives in a directory (LDAP / Active Directory) has none to change here.
 */
export function PasswordSection({ directoryAccount = false }: { directoryAccount?: boolean }) {
  const intl = useIntl()
  if (directoryAccount) {
    return (
      <Section title={intl.formatMessage({ id: 'account.securitySection.password', defaultMessage: 'Password' })}>
        <p className="px-5 py-5 text-sm muted sm:px-6">
          <FormattedMessage
            id="account.securitySection.directoryPassword"
            defaultMessage="You sign in with your organization's directory password (LDAP / Active Directory). Ferry keeps no password for you: change or reset it in the directory, as you would for your other work accounts."
          />
        </p>
      </Section>
    )
  }
  return <FerryPasswordForm />
}

function FerryPasswordForm() {
  const intl = useIntl()
  const toast = useToast()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('')
      setNext('')
      toast.show(
        intl.formatMessage({
          id: 'account.securitySection.passwordChangedYourOther',
          defaultMessage: 'Password changed; your other devices were signed out',
        }),
      )
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    change.mutate()
  }
  const fieldError = (field: string) => (change.error instanceof ApiError ? change.error.fieldError(field) : undefined)
  const fieldProblem = fieldError('current_password') ?? fieldError('new_password')
  return (
    <Section title={intl.formatMessage({ id: 'account.securitySection.password', defaultMessage: 'Password' })}>
      <form onSubmit={submit} className="space-y-4 px-5 py-5 sm:px-6">
        {!fieldProblem && <InlineError error={change.error} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={intl.formatMessage({
              id: 'account.securitySection.currentPassword',
              defaultMessage: 'Current password',
            })}
            type="password"
            autoComplete="current-password"
            value={current}
            error={fieldError('current_password')}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <TextField
            label={intl.formatMessage({ id: 'account.securitySection.newPassword', defaultMessage: 'New password' })}
            type="password"
            autoComplete="new-password"
            value={next}
            error={fieldError('new_password')}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" busy={change.isPending} disabled={!current || !next}>
          <FormattedMessage id="account.securitySection.changePassword" defaultMessage="Change password" />
        </Button>
      </form>
    </Section>
  )
}
