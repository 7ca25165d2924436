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
export function DevicePage() {
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
      <AuthLayout title={outcome === 'approved' ? 'Device signed in' : 'Sign-in denied'}>
        <div className="space-y-4">
          <Notice tone="success">
            {outcome === 'approved'
              ? 'You can close this page and go back to your terminal.'
              : 'The device was not signed in. If you did not start this, nothing else is needed.'}
          </Notice>
          <p className="text-[15px] muted">
            <Link className="link" to="/account">
              Your sessions
            </Link>{' '}
            lists every signed-in device; end one there at any time.
          </p>
        </div>
      </AuthLayout>
    )
  }

  if (request) {
    return (
      <AuthLayout
        title="Sign in a device?"
        subtitle={
          <>
            <strong className="font-semibold">{request.client_name}</strong> asks to act as{' '}
            <strong className="font-semibold break-all">{me?.email}</strong>.
          </>
        }
      >
        <div className="space-y-4">
          {error !== null && <Notice tone="error">{errorMessage(error)}</Notice>}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="muted">Code</dt>
            <dd className="font-mono">{code.trim().toUpperCase()}</dd>
            <dt className="muted">May</dt>
            <dd>{request.scopes.join(', ')}</dd>
            <dt className="muted">From</dt>
            <dd className="break-all">{request.ip ?? 'unknown address'}</dd>
            <dt className="muted">Program</dt>
            <dd className="break-all">{request.user_agent ?? 'unknown'}</dd>
            <dt className="muted">Asked at</dt>
            <dd>{new Date(request.requested_at).toLocaleString()}</dd>
          </dl>
          <p className="text-[15px] muted">
            Approve only if you started this sign-in yourself and the code matches the one your terminal shows.
          </p>
          <div className="flex gap-3">
            <Button variant="primary" className="flex-1" busy={busy} onClick={() => void decide(true)}>
              Approve
            </Button>
            <Button className="flex-1" disabled={busy} onClick={() => void decide(false)}>
              Deny
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
    <AuthLayout title="Sign in a device" subtitle="Enter the code your terminal or device shows.">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error !== null && <Notice tone="error">{errorMessage(error)}</Notice>}
        <TextField
          label="Code"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          placeholder="BCDF-GHJK"
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" variant="primary" className="w-full" busy={busy} disabled={!code.trim()}>
          Continue
        </Button>
      </form>
    </AuthLayout>
  )
}
