import { useQuery } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { defineMessage, defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
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
import { FilePreview } from '../files/FilePreview'
import { startDownload } from '../lib/download'
import { formatBytes, formatDateTime } from '../lib/format'
import { Button } from '../ui/Button'
import { errorMessage, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageSpinner } from '../ui/Spinner'
import { CaptchaForm } from './CaptchaForm'
import { EmailCodeForm } from './EmailCodeForm'
import { useDownloadsLeft } from './useDownloadsLeft'

const CANNOT_OPEN: MessageDescriptor = defineMessage({
  id: 'share.page.cannotOpen',
  defaultMessage: 'This link cannot be opened',
})

const ended = defineMessages({
  notFoundTitle: { id: 'share.page.notFoundTitle', defaultMessage: 'This link does not work' },
  notFoundText: {
    id: 'share.page.notFoundText',
    defaultMessage: 'It may have been mistyped, or the sender withdrew it. Ask the sender for a new link.',
  },
  expiredTitle: { id: 'share.page.expiredTitle', defaultMessage: 'This link has expired' },
  expiredText: {
    id: 'share.page.expiredText',
    defaultMessage: 'The files are no longer available here. Ask the sender to extend the transfer or send a new link.',
  },
  exhaustedTitle: { id: 'share.page.exhaustedTitle', defaultMessage: 'No downloads left' },
  exhaustedText: {
    id: 'share.page.exhaustedText',
    defaultMessage: 'This link reached its download limit. Ask the sender for a new link.',
  },
})

const ENDED: Record<string, { title: MessageDescriptor; text: MessageDescriptor }> = {
  'not-found': { title: ended.notFoundTitle, text: ended.notFoundText },
  expired: { title: ended.expiredTitle, text: ended.expiredText },
  exhausted: { title: ended.exhaustedTitle, text: ended.exhaustedText },
}

/** The public page of a share link (/s/{token}): recipients never need an account. */
export function SharePage() {
  const intl = useIntl()
  const { token = '' } = useParams()
  const [session, setSession] = useState<string | null>(null)
  const info = useQuery({ queryKey: ['share', token, session], queryFn: () => getShare(token, session), retry: false })
  const sessionEnded = info.isError && shareProblem(info.error) === 'session-invalid'
  // An expired share session only means asking for the password or code again.
  useEffect(() => {
    if (sessionEnded) setSession(null)
  }, [sessionEnded])

  if (info.isPending || sessionEnded)
    return <PageSpinner label={intl.formatMessage({ id: 'share.page.opening', defaultMessage: 'Opening the link' })} />
  if (info.isError) {
    const problem = shareProblem(info.error)
    const ended = ENDED[problem]
    return (
      <AuthLayout
        title={intl.formatMessage(ended?.title ?? CANNOT_OPEN)}
        subtitle={ended ? intl.formatMessage(ended.text) : errorMessage(info.error)}
      >
        <Ended />
      </AuthLayout>
    )
  }
  const share = info.data
  const until = formatDateTime(share.expires_at)
  const needsPassword = share.password_required && !share.unlocked
  const needsCaptcha = share.captcha_required && !share.unlocked
  const needsEmail = share.email_verification_required && !share.verified_email
  return (
    <AuthLayout
      wide
      title={share.title}
      subtitle={
        share.sender_name && share.sender_email ? (
          <FormattedMessage
            id="share.page.fromSenderWithEmail"
            defaultMessage="{name} ({email}) sent you files · available until {until}"
            values={{ name: <bdi>{share.sender_name}</bdi>, email: <bdi>{share.sender_email}</bdi>, until }}
          />
        ) : share.sender_name ? (
          <FormattedMessage
            id="share.page.fromSender"
            defaultMessage="{name} sent you files · available until {until}"
            values={{ name: <bdi>{share.sender_name}</bdi>, until }}
          />
        ) : (
          <FormattedMessage
            id="share.page.fromSomeone"
            defaultMessage="Someone sent you files · available until {until}"
            values={{ until }}
          />
        )
      }
    >
      {needsPassword ? (
        <PasswordForm token={token} onSession={setSession} />
      ) : needsCaptcha ? (
        <CaptchaForm token={token} onSession={setSession} />
      ) : needsEmail ? (
        <EmailCodeForm
          purpose="download"
          onSession={setSession}
          endpoints={{
            send: (email) => requestCode(token, email, session),
            confirm: (email, code) => confirmCode(token, email, code, session),
          }}
        />
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
      <FormattedMessage id="share.page.nothingToDownload" defaultMessage="Nothing can be downloaded from this link." />
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
  const intl = useIntl()
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
      <p className="text-[15px]">
        <FormattedMessage
          id="share.password.intro"
          defaultMessage="This link is protected with a password. The sender should have told it to you."
        />
      </p>
      <TextField
        label={intl.formatMessage({ id: 'share.password.label', defaultMessage: 'Password' })}
        type="password"
        autoComplete="off"
        autoFocus
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <InlineError error={error} />
      <Button type="submit" variant="primary" busy={busy} className="w-full">
        <FormattedMessage id="share.password.unlock" defaultMessage="Unlock" />
      </Button>
    </Form>
  )
}

function Files({ token, share: served, session }: { token: string; share: PublicShare; session: string | null }) {
  const { share, started: afterDownload } = useDownloadsLeft(token, served)
  const intl = useIntl()
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
  const downloadName = (name: string) =>
    intl.formatMessage({ id: 'share.files.downloadName', defaultMessage: 'Download {name}' }, { name })
  const action = (key: string, url: string, name: string, label: ReactNode, primary = false) =>
    session ? (
      <Button
        size={primary ? 'md' : 'sm'}
        variant={primary ? 'primary' : 'ghost'}
        icon="download"
        busy={busy === key}
        onClick={() => void save(key)}
        aria-label={primary ? undefined : downloadName(name)}
      >
        {label}
      </Button>
    ) : (
      <a
        href={url}
        download
        onClick={afterDownload}
        aria-label={primary ? undefined : downloadName(name)}
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
        aria-label={intl.formatMessage({ id: 'share.files.listLabel', defaultMessage: 'Files' })}
      >
        {share.files.map((f) => (
          <li key={f.id} className="flex items-center gap-3 px-3 py-2.5">
            {f.preview ? (
              <FilePreview file={f} share={{ token, session }} />
            ) : (
              <FileIcon name={f.name} contentType={f.content_type} />
            )}
            <span className="min-w-0 flex-1">
              <span className="block truncate text-[15px] font-medium">{f.name}</span>
              <span className="block text-sm muted" dir="ltr">
                {formatBytes(f.size)}
              </span>
            </span>
            {action(
              f.id,
              shareFileUrl(token, f.id),
              f.name,
              <FormattedMessage id="share.files.download" defaultMessage="Download" />,
            )}
          </li>
        ))}
      </ul>
      <InlineError error={error} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm muted">
          {share.downloads_left != null ? (
            <FormattedMessage
              id="share.files.summaryWithLimit"
              defaultMessage="{count, plural, one {# file} other {# files}} · {size} · {left, plural, one {# download left} other {# downloads left}}"
              values={{ count: share.files.length, size: formatBytes(share.total_size), left: share.downloads_left }}
            />
          ) : (
            <FormattedMessage
              id="share.files.summary"
              defaultMessage="{count, plural, one {# file} other {# files}} · {size}"
              values={{ count: share.files.length, size: formatBytes(share.total_size) }}
            />
          )}
        </p>
        {share.files.length > 1 &&
          action(
            'zip',
            shareZipUrl(token),
            `${share.title}.zip`,
            <FormattedMessage id="share.files.downloadAll" defaultMessage="Download all (ZIP)" />,
            true,
          )}
      </div>
    </div>
  )
}
