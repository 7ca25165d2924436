import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { confirmTotp, type TotpEnrollment } from '../api/account'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'

/** The QR code and setup key of a pending TOTP enrollment, and the first code that confirms it. */
export function TotpSetup({
  enrollment,
  onConfirmed,
  onCancel,
}: {
  enrollment: TotpEnrollment
  onConfirmed: (codes: string[]) => void
  onCancel?: () => void
}) {
  const intl = useIntl()
  const [code, setCode] = useState('')
  const confirm = useMutation({ mutationFn: () => confirmTotp(code.replace(/\s/g, '')), onSuccess: onConfirmed })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    confirm.mutate()
  }
  return (
    <form onSubmit={submit} className="grid gap-5 sm:grid-cols-[auto_1fr]">
      <img
        src={enrollment.qr}
        alt={intl.formatMessage({
          id: 'security.totpSetup.qrCodeToScan',
          defaultMessage: 'QR code to scan with your authenticator app',
        })}
        className="size-44 justify-self-center rounded-lg bg-white p-1"
      />
      <div className="min-w-0 space-y-4">
        <p className="text-sm muted">
          <FormattedMessage
            id="security.totpSetup.scanTheCodeWith"
            defaultMessage="Scan the code with your authenticator app (or enter the key by hand), then type the 6-digit code it shows."
          />
        </p>
        <CopyField
          label={intl.formatMessage({ id: 'security.totpSetup.setupKey', defaultMessage: 'Setup key' })}
          value={enrollment.secret}
        />
        <InlineError error={confirm.error} />
        <TextField
          label={intl.formatMessage({ id: 'security.totpSetup.codeFromTheApp', defaultMessage: 'Code from the app' })}
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" busy={confirm.isPending} disabled={!code.trim()}>
            <FormattedMessage id="security.totpSetup.turnOn" defaultMessage="Turn on" />
          </Button>
          {onCancel && (
            <Button onClick={onCancel}>
              <FormattedMessage id="security.totpSetup.cancel" defaultMessage="Cancel" />
            </Button>
          )}
        </div>
      </div>
    </form>
  )
}
