import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { changePassword, confirmTotp, disableTotp, enableTotp, twoFactorStatus, type TotpEnrollment } from '../api/account'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

/** Two-factor authentication with an authenticator app: set up (QR code), recovery codes, turn off. */
export function TwoFactorSection() {
  const queries = useQueryClient()
  const status = useQuery({ queryKey: ['2fa'], queryFn: twoFactorStatus })
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null)
  const [codes, setCodes] = useState<string[] | null>(null)
  const start = useMutation({ mutationFn: enableTotp, onSuccess: setEnrollment })
  const refresh = () => queries.invalidateQueries({ queryKey: ['2fa'] })

  let body
  if (status.isPending) body = <PageSpinner />
  else if (status.isError) body = <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />
  else if (codes) body = <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
  else if (enrollment)
    body = (
      <ConfirmEnrollment
        enrollment={enrollment}
        onConfirmed={(recovery) => {
          setEnrollment(null)
          setCodes(recovery)
          void refresh()
        }}
      />
    )
  else if (status.data.totp_enabled) body = <DisableTotp recoveryCodesLeft={status.data.recovery_codes_left} onDisabled={() => void refresh()} />
  else
    body = (
      <div className="space-y-3 px-5 py-5 sm:px-6">
        <p className="text-sm muted">
          {status.data.required ? 'This server requires a second factor for your account. ' : ''}
          Protect your account with a code from an authenticator app at every sign-in.
        </p>
        <InlineError error={start.error} />
        <Button variant="primary" busy={start.isPending} onClick={() => start.mutate()}>
          Set up authenticator app
        </Button>
      </div>
    )

  return (
    <Section
      title="Two-factor authentication"
      actions={status.data?.totp_enabled ? <Badge tone="green">On</Badge> : <Badge tone="neutral">Off</Badge>}
    >
      {body}
    </Section>
  )
}

function ConfirmEnrollment({ enrollment, onConfirmed }: { enrollment: TotpEnrollment; onConfirmed: (codes: string[]) => void }) {
  const [code, setCode] = useState('')
  const confirm = useMutation({ mutationFn: () => confirmTotp(code.trim()), onSuccess: onConfirmed })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    confirm.mutate()
  }
  return (
    <form onSubmit={submit} className="grid gap-5 px-5 py-5 sm:grid-cols-[auto_1fr] sm:px-6">
      <img src={enrollment.qr} alt="QR code to scan with your authenticator app" className="size-44 rounded-lg bg-white p-1" />
      <div className="min-w-0 space-y-4">
        <p className="text-sm muted">Scan the code with your authenticator app (or enter the key by hand), then type the 6-digit code it shows.</p>
        <CopyField label="Setup key" value={enrollment.secret} />
        <InlineError error={confirm.error} />
        <TextField label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required value={code} onChange={(e) => setCode(e.target.value)} />
        <Button type="submit" variant="primary" busy={confirm.isPending} disabled={!code.trim()}>
          Turn on
        </Button>
      </div>
    </form>
  )
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <div className="space-y-4 px-5 py-5 sm:px-6">
      <p className="text-sm">
        Save these recovery codes somewhere safe. Each works once, in place of a code from the app, if you lose your phone. They are shown only now.
      </p>
      <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code} className="rounded-md bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
            {code}
          </li>
        ))}
      </ul>
      <Button variant="primary" onClick={onDone}>
        I have saved them
      </Button>
    </div>
  )
}

function DisableTotp({ recoveryCodesLeft, onDisabled }: { recoveryCodesLeft: number; onDisabled: () => void }) {
  const toast = useToast()
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const disable = useMutation({
    mutationFn: () => disableTotp(password, code.trim()),
    onSuccess: () => {
      toast.show('Two-factor authentication is off')
      onDisabled()
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    disable.mutate()
  }
  return (
    <form onSubmit={submit} className="space-y-4 px-5 py-5 sm:px-6">
      <p className="text-sm muted">Sign-ins ask for a code from your authenticator app. Recovery codes left: {recoveryCodesLeft}.</p>
      <InlineError error={disable.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <TextField label="Code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
      </div>
      <Button type="submit" variant="danger-secondary" busy={disable.isPending} disabled={!password || !code.trim()}>
        Turn off
      </Button>
    </form>
  )
}

/** Changing one's password; the server signs out every other session. */
export function PasswordSection() {
  const toast = useToast()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('')
      setNext('')
      toast.show('Password changed; your other devices were signed out')
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    change.mutate()
  }
  const fieldError = (field: string) => (change.error instanceof ApiError ? change.error.fieldError(field) : undefined)
  const fieldProblem = fieldError('current_password') ?? fieldError('new_password')
  return (
    <Section title="Password">
      <form onSubmit={submit} className="space-y-4 px-5 py-5 sm:px-6">
        {!fieldProblem && <InlineError error={change.error} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            value={current}
            error={fieldError('current_password')}
            onChange={(e) => setCurrent(e.target.value)}
          />
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={next}
            error={fieldError('new_password')}
            onChange={(e) => setNext(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" busy={change.isPending} disabled={!current || !next}>
          Change password
        </Button>
      </form>
    </Section>
  )
}
