import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useParams } from 'react-router'
import {
  confirmUploadCode,
  getPublicRequest,
  getRequestChallenge,
  openRequestSession,
  requestUploadCode,
  solveRequestCaptcha,
} from '../api/uploadRequests'
import { AuthLayout } from '../auth/AuthLayout'
import { DropOverlay } from '../files/uploads/DropOverlay'
import { setUploadRequestSession, uploader } from '../files/uploads/uploader'
import { UploadPanel } from '../files/uploads/UploadPanel'
import { formatBytes, formatDateTime } from '../lib/format'
import { Button } from '../ui/Button'
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { CaptchaForm, type CaptchaEndpoints } from '../share/CaptchaForm'
import { EmailCodeForm } from '../share/EmailCodeForm'
import { PageSpinner } from '../ui/Spinner'

const REQUEST_CAPTCHA: CaptchaEndpoints = { challenge: getRequestChallenge, solve: solveRequestCaptcha }

/** The public page of an upload request (/u/{token}): the same tus uploads, with the request's session. */
export function PublicUploadPage() {
  const intl = useIntl()
  const { token = '' } = useParams()
  const [session, setSession] = useState<string | null>(null)
  const [sessionError, setSessionError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const info = useQuery({ queryKey: ['upload-request', token], queryFn: () => getPublicRequest(token), retry: false })
  const needsPassword = info.data?.password_required ?? false
  const needsCaptcha = info.data?.captcha_required ?? false

  useEffect(() => {
    if (!info.data || needsPassword || needsCaptcha || info.data.email_verification_required) return
    setSessionError(null)
    void openRequestSession(token).then(
      (s) => setSession(s.session_token),
      (e: unknown) => setSessionError(e),
    )
  }, [info.data, needsPassword, needsCaptcha, token, attempt])
  useEffect(() => {
    setUploadRequestSession(session)
    return () => setUploadRequestSession(null)
  }, [session])

  if (info.isPending)
    return (
      <PageSpinner label={intl.formatMessage({ id: 'requests.public.opening', defaultMessage: 'Opening the link' })} />
    )
  if (info.isError) {
    return (
      <AuthLayout
        title={intl.formatMessage({
          id: 'requests.public.brokenTitle',
          defaultMessage: 'This upload link does not work',
        })}
        subtitle={errorMessage(info.error)}
      >
        <p className="text-sm muted">
          <FormattedMessage
            id="requests.public.brokenText"
            defaultMessage="It may have expired or been closed. Ask the person who sent it for a new one."
          />
        </p>
      </AuthLayout>
    )
  }
  const request = info.data
  const limits = [
    request.files_left != null
      ? intl.formatMessage(
          {
            id: 'requests.public.filesLeft',
            defaultMessage: '{count, plural, one {# file left} other {# files left}}',
          },
          { count: request.files_left },
        )
      : null,
    request.bytes_left != null
      ? intl.formatMessage(
          { id: 'requests.public.bytesLeft', defaultMessage: '{size} left' },
          { size: formatBytes(request.bytes_left) },
        )
      : null,
    request.allowed_types.length
      ? intl.formatMessage(
          { id: 'requests.public.onlyTypes', defaultMessage: 'only {types}' },
          { types: request.allowed_types.join(', ') },
        )
      : null,
  ].filter(Boolean)
  return (
    <AuthLayout
      wide
      title={request.title}
      subtitle={
        request.owner_name ? (
          <FormattedMessage
            id="requests.public.fromOwner"
            defaultMessage="{name} asks you for files · open until {until}"
            values={{ name: <bdi>{request.owner_name}</bdi>, until: formatDateTime(request.expires_at) }}
          />
        ) : (
          <FormattedMessage
            id="requests.public.fromSomeone"
            defaultMessage="Someone asks you for files · open until {until}"
            values={{ until: formatDateTime(request.expires_at) }}
          />
        )
      }
    >
      {request.message && (
        // The owner's words say what to send: shown before any password, code or puzzle too.
        <p className="mb-4 rounded-lg bg-zinc-50 p-4 text-[15px] whitespace-pre-wrap dark:bg-zinc-800/60">
          {request.message}
        </p>
      )}
      {request.email_verification_required && !session ? (
        <EmailCodeForm
          purpose="upload"
          askPassword={needsPassword}
          onSession={setSession}
          endpoints={{
            send: (email) => requestUploadCode(token, email),
            confirm: (email, code, password) => confirmUploadCode(token, email, code, password),
          }}
        />
      ) : sessionError !== null && !session ? (
        <ErrorNotice
          error={sessionError}
          title={intl.formatMessage({
            id: 'requests.public.sessionFailed',
            defaultMessage: 'Could not open this request for uploads',
          })}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : needsPassword && !session ? (
        <PasswordForm token={token} onSession={setSession} />
      ) : needsCaptcha && !session ? (
        <CaptchaForm token={token} onSession={setSession} endpoints={REQUEST_CAPTCHA} purpose="upload" />
      ) : (
        <Dropzone ready={session !== null} limits={limits.join(' · ')} />
      )}
    </AuthLayout>
  )
}

function PasswordForm({ token, onSession }: { token: string; onSession: (s: string) => void }) {
  const intl = useIntl()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onSession((await openRequestSession(token, password)).session_token)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form className="space-y-4" onSubmit={(e) => void submit(e)}>
      <TextField
        label={intl.formatMessage({ id: 'requests.public.password', defaultMessage: 'Password' })}
        type="password"
        autoFocus
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <InlineError error={error} />
      <Button type="submit" variant="primary" busy={busy} className="w-full">
        <FormattedMessage id="requests.public.continue" defaultMessage="Continue" />
      </Button>
    </form>
  )
}

function Dropzone({ ready, limits }: { ready: boolean; limits: string }) {
  const intl = useIntl()
  const input = useRef<HTMLInputElement>(null)
  const add = (files: File[]) => {
    if (files.length) uploader().add(files, '/')
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-zinc-300 px-6 py-10 text-center dark:border-zinc-700">
        <p className="text-[15px]">
          <FormattedMessage id="requests.public.dragHint" defaultMessage="Drag files anywhere onto this page, or" />
        </p>
        <Button variant="primary" icon="upload" disabled={!ready} onClick={() => input.current?.click()}>
          <FormattedMessage id="requests.public.choose" defaultMessage="Choose files" />
        </Button>
        {limits && <p className="text-sm muted">{limits}</p>}
      </div>
      <input
        ref={input}
        type="file"
        multiple
        className="hidden"
        aria-label={intl.formatMessage({ id: 'requests.public.chooseInput', defaultMessage: 'Choose files to send' })}
        onChange={(e) => {
          add(Array.from(e.target.files ?? []))
          e.target.value = ''
        }}
      />
      {ready && <DropOverlay folder="/" onFiles={add} />}
      <UploadPanel />
    </div>
  )
}
