import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { formatDateTime } from '../lib/format'
import { useEffect, useState, type FormEvent } from 'react'
import { Link, useSearchParams } from 'react-router'
import { approveDevice, denyDevice, verifyDeviceCode, type DeviceRequest } from '../api/device'
import { Button } from '../ui/Button'
import { errorMessage } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { AuthLayout } from './AuthLayout'
import { useAuth } from './AuthProvider'
import { Notice } from './Notice'

type Outcome = 'approved' | 'denied'

/**
 * Where a signed-in user approves a device sign-in (`ferry login --device`): enter or
 * confirm the code the device shows, see who asks, approve or deny.
 */
/** The shape of a user code, the same in every language. */
const CODE_EXAMPLE = 'BCDF-GHJK'

const MESSAGES = defineMessages({
  approvedTitle: { id: 'auth.device.approvedTitle', defaultMessage: 'Device signed in' },
  deniedTitle: { id: 'auth.device.deniedTitle', defaultMessage: 'Sign-in denied' },
  approvedBody: {
    id: 'auth.device.approvedBody',
    defaultMessage: 'You can close this page and go back to your terminal.',
  },
  deniedBody: {
    id: 'auth.device.deniedBody',
    defaultMessage: 'The device was not signed in. If you did not start this, nothing else is needed.',
  },
})

export function DevicePage() {
  const intl = useIntl()
  const { me } = useAuth()
  const [params] = useSearchParams()
  const [code, setCode] = useState(params.get('code') ?? '')
  const [request, setRequest] = useState<DeviceRequest | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  const lookUp = (value: string) => run(async () => setRequest(await verifyDeviceCode(value.trim())))

  useEffect(() => {
    const fromLink = params.get('code')
    if (fromLink) void lookUp(fromLink)
    // Only the code the link carried is looked up by itself, once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const decide = (approve: boolean) =>
    run(async () => {
      await (approve ? approveDevice(code.trim()) : denyDevice(code.trim()))
      setOutcome(approve ? 'approved' : 'denied')
    })

  if (outcome) {
    return (
      <AuthLayout title={intl.formatMessage(outcome === 'approved' ? MESSAGES.approvedTitle : MESSAGES.deniedTitle)}>
        <div className="space-y-4">
          <Notice tone="success">
            {intl.formatMessage(outcome === 'approved' ? MESSAGES.approvedBody : MESSAGES.deniedBody)}
          </Notice>
          <p className="text-[15px] muted">
            <FormattedMessage
              id="auth.device.sessions"
              defaultMessage="<link>Your sessions</link> lists every signed-in device; end one there at any time."
              values={{
                link: (chunks) => (
                  <Link className="link" to="/account">
                    {chunks}
                  </Link>
                ),
              }}
            />
          </p>
        </div>
      </AuthLayout>
    )
  }

  if (request) {
    return (
      <AuthLayout
        title={intl.formatMessage({ id: 'auth.device.confirmTitle', defaultMessage: 'Sign in a device?' })}
        subtitle={
          <FormattedMessage
            id="auth.device.asks"
            defaultMessage="<b>{client}</b> asks to act as <mail>{email}</mail>."
            values={{
              client: request.client_name,
              email: me?.email,
              b: (chunks) => <bdi className="font-semibold">{chunks}</bdi>,
              mail: (chunks) => (
                <bdi className="font-semibold break-all" dir="ltr">
                  {chunks}
                </bdi>
              ),
            }}
          />
        }
      >
        <div className="space-y-4">
          {error !== null && <Notice tone="error">{errorMessage(error)}</Notice>}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="muted">
              <FormattedMessage id="auth.device.code" defaultMessage="Code" />
            </dt>
            <dd className="font-mono" dir="ltr">
              {code.trim().toUpperCase()}
            </dd>
            <dt className="muted">
              <FormattedMessage id="auth.device.may" defaultMessage="May" />
            </dt>
            <dd>{intl.formatList(request.scopes)}</dd>
            <dt className="muted">
              <FormattedMessage id="auth.device.from" defaultMessage="From" />
            </dt>
            <dd className="break-all">
              <bdi>
                {request.ip ??
                  intl.formatMessage({ id: 'auth.device.unknownAddress', defaultMessage: 'unknown address' })}
              </bdi>
            </dd>
            <dt className="muted">
              <FormattedMessage id="auth.device.program" defaultMessage="Program" />
            </dt>
            <dd className="break-all">
              <bdi>
                {request.user_agent ??
                  intl.formatMessage({ id: 'auth.device.unknownProgram', defaultMessage: 'unknown' })}
              </bdi>
            </dd>
            <dt className="muted">
              <FormattedMessage id="auth.device.askedAt" defaultMessage="Asked at" />
            </dt>
            <dd>{formatDateTime(request.requested_at)}</dd>
          </dl>
          <p className="text-[15px] muted">
            <FormattedMessage
              id="auth.device.warning"
              defaultMessage="Approve only if you started this sign-in yourself and the code matches the one your terminal shows."
            />
          </p>
          <div className="flex gap-3">
            <Button variant="primary" className="flex-1" busy={busy} onClick={() => void decide(true)}>
              <FormattedMessage id="auth.device.approve" defaultMessage="Approve" />
            </Button>
            <Button className="flex-1" disabled={busy} onClick={() => void decide(false)}>
              <FormattedMessage id="auth.device.deny" defaultMessage="Deny" />
            </Button>
          </div>
        </div>
      </AuthLayout>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void lookUp(code)
  }

  return (
    <AuthLayout
      title={intl.formatMessage({ id: 'auth.device.title', defaultMessage: 'Sign in a device' })}
      subtitle={intl.formatMessage({
        id: 'auth.device.subtitle',
        defaultMessage: 'Enter the code your terminal or device shows.',
      })}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error !== null && <Notice tone="error">{errorMessage(error)}</Notice>}
        <TextField
          label={intl.formatMessage({ id: 'auth.device.codeLabel', defaultMessage: 'Code' })}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder={CODE_EXAMPLE}
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!code.trim()}>
          <FormattedMessage id="auth.device.continue" defaultMessage="Continue" />
        </Button>
      </form>
    </AuthLayout>
  )
}
