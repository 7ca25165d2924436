import { useQuery } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useParams } from 'react-router'
import {
  confirmCode,
  getShare,
  requestCode,
  shareFileUrl,
  shareProblem,
  shareTicket,
  shareZipUrl,
  unlockShare,
  type PublicShare,
} from '../api/share'
import { AuthLayout } from '../auth/AuthLayout'
import { EncryptedFiles } from '../e2e/EncryptedFiles'
import { FileIcon } from '../files/FileIcon'
import { startDownload } from '../lib/download'
import { formatBytes, formatDateTime } from '../lib/format'
import { Button } from '../ui/Button'
import { errorMessage, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageSpinner } from '../ui/Spinner'
import { CaptchaForm } from './CaptchaForm'
import { useDownloadsLeft } from './useDownloadsLeft'

const ENDED: Record<string, { title: string; text: string }> = {
  'not-found': {
    title: 'This link does not work',
    text: 'It may have been mistyped, or the sender withdrew it. Ask the sender for a new link.',
  },
  expired: {
    title: 'This link has expired',
    text: 'The files are no longer available here. Ask the sender to extend the transfer or send a new link.',
  },
  exhausted: {
    title: 'No downloads left',
    text: 'This link reached its download limit. Ask the sender for a new link.',
  },
}

/** The public page of a share link (/s/{token}): recipients never need an account. */
export function SharePage() {
  const { token = '' } = useParams()
  const [session, setSession] = useState<string | null>(null)
  const info = useQuery({ queryKey: ['share', token, session], queryFn: () => getShare(token, session), retry: false })
  const sessionEnded = info.isError && shareProblem(info.error) === 'session-invalid'
  // An expired share session only means asking for the password or code again.
  useEffect(() => {
    if (sessionEnded) setSession(null)
  }, [sessionEnded])

  if (info.isPending || sessionEnded) return <PageSpinner label="Opening the link" />
  if (info.isError) {
    const problem = shareProblem(info.error)
    const ended = ENDED[problem]
    return (
      <AuthLayout
        title={ended?.title ?? 'This link cannot be opened'}
        subtitle={ended?.text ?? errorMessage(info.error)}
      >
        <Ended />
      </AuthLayout>
    )
  }
  const share = info.data
  const from = share.sender_name
    ? `${share.sender_name}${share.sender_email ? ` (${share.sender_email})` : ''}`
    : 'Someone'
  const needsPassword = share.password_required && !share.unlocked
  const needsCaptcha = share.captcha_required && !share.unlocked
  const needsEmail = share.email_verification_required && !share.verified_email
  return (
    <AuthLayout
      wide
      title={share.title}
      subtitle={`${from} sent you files · available until ${formatDateTime(share.expires_at)}`}
    >
      {needsPassword ? (
        <PasswordForm token={token} onSession={setSession} />
      ) : needsCaptcha ? (
        <CaptchaForm token={token} onSession={setSession} />
      ) : needsEmail ? (
        <EmailForm token={token} session={session} onSession={setSession} />
      ) : share.e2e ? (
        <EncryptedFiles token={token} share={share} session={session} />
      ) : (
        <Files token={token} share={share} session={session} />
      )}
    </AuthLayout>
  )
}

function Ended() {
  return (
    <div className="flex items-center gap-3 text-sm muted">
      <Icon name="ban" className="size-5" />
      Nothing can be downloaded from this link.
    </div>
  )
}

function Form({ onSubmit, children }: { onSubmit: () => Promise<void>; children: ReactNode }) {
  return (
    <form
      className="space-y-4"
      onSubmit={(e: FormEvent) => {
        e.preventDefault()
        void onSubmit()
      }}
    >
      {children}
    </form>
  )
}

function PasswordForm({ token, onSession }: { token: string; onSession: (s: string) => void }) {
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <Form
      onSubmit={async () => {
        setBusy(true)
        setError(null)
        try {
          onSession((await unlockShare(token, password)).session_token)
        } catch (e) {
          setError(e)
        } finally {
          setBusy(false)
        }
      }}
    >
      <p className="text-[15px]">This link is protected with a password. The sender should have told it to you.</p>
      <TextField
        label="Password"
        type="password"
        autoComplete="off"
        autoFocus
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <InlineError error={error} />
      <Button type="submit" variant="primary" busy={busy} className="w-full">
        Unlock
      </Button>
    </Form>
  )
}

function EmailForm({
  token,
  session,
  onSession,
}: {
  token: string
  session: string | null
  onSession: (s: string) => void
}) {
  const [email, setEmail] = useState('')
  const [code, setCode] = useState('')
  const [sent, setSent] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const attempt = async (action: () => Promise<void>) => {
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
  if (!sent) {
    return (
      <Form onSubmit={() => attempt(async () => void (await requestCode(token, email), setSent(true)))}>
        <p className="text-[15px]">
          Confirm your email address: if it is one this transfer was sent to, we email you a code.
        </p>
        <TextField
          label="Your email address"
          type="email"
          autoComplete="email"
          autoFocus
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <InlineError error={error} />
        <Button type="submit" variant="primary" busy={busy} className="w-full">
          Send me a code
        </Button>
      </Form>
    )
  }
  return (
    <Form
      onSubmit={() =>
        attempt(async () => onSession((await confirmCode(token, email, code.trim(), session)).session_token))
      }
    >
      <p className="text-[15px]">If {email} is a recipient, a 6-digit code is on its way. It works for 10 minutes.</p>
      <TextField
        label="Code"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <InlineError error={error} />
      <div className="flex gap-2">
        <Button onClick={() => setSent(false)}>Use another address</Button>
        <Button type="submit" variant="primary" busy={busy} className="flex-1">
          Confirm
        </Button>
      </div>
    </Form>
  )
}

function Files({ token, share: served, session }: { token: string; share: PublicShare; session: string | null }) {
  const { share, started: afterDownload } = useDownloadsLeft(token, served)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<string | null>(null)
  // A plain link cannot carry the session header: a ticket stands in for it, so the browser still downloads natively.
  const save = async (key: string) => {
    if (!session) return
    setBusy(key)
    setError(null)
    try {
      const ticket = await shareTicket(token, session, key === 'zip' ? null : key)
      startDownload(ticket.url)
      afterDownload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  const action = (key: string, url: string, name: string, label: string, primary = false) =>
    session ? (
      <Button
        size={primary ? 'md' : 'sm'}
        variant={primary ? 'primary' : 'ghost'}
        icon="download"
        busy={busy === key}
        onClick={() => void save(key)}
        aria-label={primary ? undefined : `Download ${name}`}
      >
        {label}
      </Button>
    ) : (
      <a
        href={url}
        download
        onClick={afterDownload}
        aria-label={primary ? undefined : `Download ${name}`}
        className={
          primary
            ? 'inline-flex h-10 items-center gap-2 rounded-lg bg-accent-600 px-4 text-[15px] font-medium text-white shadow-xs hover:bg-accent-700'
            : 'inline-flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800'
        }
      >
        <Icon name="download" className="size-[18px]" />
        {label}
      </a>
    )

  return (
    <div className="space-y-5">
      {share.message && (
        <p className="rounded-lg bg-zinc-50 p-4 text-[15px] whitespace-pre-wrap dark:bg-zinc-800/60">{share.message}</p>
      )}
      <ul
        className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        aria-label="Files"
      >
        {share.files.map((f) => (
          <li key={f.id} className="flex items-center gap-3 px-3 py-2.5">
            <FileIcon name={f.name} contentType={f.content_type} />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[15px] font-medium">{f.name}</span>
              <span className="block text-sm muted">{formatBytes(f.size)}</span>
            </span>
            {action(f.id, shareFileUrl(token, f.id), f.name, 'Download')}
          </li>
        ))}
      </ul>
      <InlineError error={error} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm muted">
          {share.files.length} {share.files.length === 1 ? 'file' : 'files'} · {formatBytes(share.total_size)}
          {share.downloads_left != null
            ? ` · ${share.downloads_left} ${share.downloads_left === 1 ? 'download' : 'downloads'} left`
            : ''}
        </p>
        {share.files.length > 1 && action('zip', shareZipUrl(token), `${share.title}.zip`, 'Download all (ZIP)', true)}
      </div>
    </div>
  )
}
