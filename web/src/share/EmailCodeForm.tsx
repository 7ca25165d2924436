import { useState, type FormEvent } from 'react'
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { useDialogSubmit } from '../ui/useDialogSubmit'

/** Where the code is asked for and where it is confirmed: a share link's or an upload request's endpoints. */
export interface EmailCodeEndpoints {
  send: (email: string) => Promise<unknown>
  confirm: (email: string, code: string, password?: string) => Promise<{ session_token: string }>
}

const texts: Record<'download' | 'upload', Record<'intro' | 'codeSent', MessageDescriptor>> = {
  download: defineMessages({
    intro: {
      id: 'share.email.intro',
      defaultMessage: 'Confirm your email address: if it is one this transfer was sent to, we email you a code.',
    },
    codeSent: {
      id: 'share.email.codeSent',
      defaultMessage: 'If {email} is a recipient, a 6-digit code is on its way. It works for 10 minutes.',
    },
  }),
  upload: defineMessages({
    intro: {
      id: 'requests.public.email.intro',
      defaultMessage:
        'This request takes files from invited people only. Enter your email address: if it is invited, we email you a code.',
    },
    codeSent: {
      id: 'requests.public.email.codeSent',
      defaultMessage: 'If {email} is invited, a 6-digit code is on its way. It works for 10 minutes.',
    },
  }),
}

/**
 * Proves the visitor reads one of the allowed addresses: asks for it, mails a code, and opens
 * a session with the code (and the password, where the link has one too).
 */
export function EmailCodeForm({
  endpoints,
  onSession,
  purpose,
  askPassword = false,
}: {
  endpoints: EmailCodeEndpoints
  onSession: (s: string) => void
  /** What the address opens: downloads from a share link or uploads through a request. */
  purpose: 'download' | 'upload'
  askPassword?: boolean
}) {
  const intl = useIntl()
  const [email, setEmail] = useState('')
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [sent, setSent] = useState(false)
  const { busy, error, setError, run } = useDialogSubmit(true)
  const attempt = (action: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault()
    void run(action, { stayOpen: true })
  }
  if (!sent) {
    return (
      <form className="space-y-4" onSubmit={attempt(async () => void (await endpoints.send(email), setSent(true)))}>
        <p className="text-[15px]">
          <FormattedMessage {...texts[purpose].intro} />
        </p>
        <TextField
          label={intl.formatMessage({ id: 'share.email.label', defaultMessage: 'Your email address' })}
          type="email"
          autoComplete="email"
          autoFocus
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <InlineError error={error} />
        <Button type="submit" variant="primary" busy={busy} className="w-full">
          <FormattedMessage id="share.email.send" defaultMessage="Send me a code" />
        </Button>
      </form>
    )
  }
  return (
    <form
      className="space-y-4"
      onSubmit={attempt(async () =>
        onSession((await endpoints.confirm(email, code.trim(), askPassword ? password : undefined)).session_token),
      )}
    >
      <p className="text-[15px]">{intl.formatMessage(texts[purpose].codeSent, { email: <bdi>{email}</bdi> })}</p>
      <TextField
        label={intl.formatMessage({ id: 'share.email.codeLabel', defaultMessage: 'Code' })}
        inputMode="numeric"
        autoComplete="one-time-code"
        autoFocus
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      {askPassword && (
        <TextField
          label={intl.formatMessage({ id: 'requests.public.password', defaultMessage: 'Password' })}
          type="password"
          autoComplete="off"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      )}
      <InlineError error={error} />
      <div className="flex gap-2">
        <Button onClick={() => (setSent(false), setError(null))}>
          <FormattedMessage id="share.email.otherAddress" defaultMessage="Use another address" />
        </Button>
        <Button type="submit" variant="primary" busy={busy} className="flex-1">
          <FormattedMessage id="share.email.confirm" defaultMessage="Confirm" />
        </Button>
      </div>
    </form>
  )
}
