import { useQueryClient } from '@tanstack/react-query'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { useRef, useState, type FormEvent, type ReactNode } from 'react'
import { defineMessage, FormattedMessage, useIntl } from 'react-intl'
import { createTransfer, type Transfer } from '../api/transfers'
import { formatBytes, formatEta, formatSpeed, percent } from '../lib/format'
import { etaSeconds, RateMeter } from '../lib/rate'
import { ruleFieldOf } from '../security/AccessRulesFields'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { EmailListField, useEmailList } from '../transfers/EmailListField'
import { expiryFromDays } from '../transfers/form'
import { linkFields, NEW_TRANSFER_OPTIONS, TransferOptionsFields, type TransferOptions } from '../transfers/TransferOptionsFields'
import { sealText, type Keys } from './age'
import { E2eError, localized } from './errors'
import { recipientOf } from './keys'
import { problemDetail } from '../files/uploads/uploader'
import { forgetPending, pendingIdentity, savePendingIdentity } from './pending'
import { uploadSealed } from './upload'

export type KeyMode = 'link' | 'passphrase' | 'people'

const FILE_SEPARATOR = ' · '
const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>

/** One of the key modes, as a radio button of the "Key" group with its explanation. */
function KeyModeChoice({
  value,
  mode,
  onChoose,
  children,
}: {
  value: KeyMode
  mode: KeyMode
  onChoose: (mode: KeyMode) => void
  children: ReactNode
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name="key-mode" checked={mode === value} onChange={() => onChoose(value)} />
      <span>{children}</span>
    </label>
  )
}


interface Progress {
  name: string
  sent: number
  total: number
  rate: number
  resumedAt: number
}

/** Who can open the files: a new link key (kept for a resumed upload of the same transfer) or the passphrase. */
async function keysFor(mode: KeyMode, passphrase: string, people: string[]): Promise<{ keys: Keys; identity: string | null }> {
  if (mode === 'passphrase') return { keys: { passphrase }, identity: null }
  if (mode === 'people') {
    const recipients = await Promise.all(
      people.map((email) =>
        recipientOf(email).catch(() =>
          Promise.reject(
            new E2eError(
              defineMessage({
                id: 'e2e.error.noKey',
                defaultMessage: '{email} has no end-to-end encryption key on this server.',
              }),
              { email },
            ),
          ),
        ),
      ),
    )
    return { keys: { recipients }, identity: null }
  }
  const identity = (await pendingIdentity()) ?? (await generateIdentity())
  await savePendingIdentity(identity)
  return { keys: { recipients: [await identityToRecipient(identity)] }, identity }
}

/**
 * A new end-to-end encrypted transfer: files are encrypted here to age files before they
 * upload, and their names, the title and the message travel only in the encrypted manifest.
 * `onCreated` gets the link with the key in its fragment (link key mode).
 */
export function EncryptedTransferForm({ onCreated }: { onCreated: (t: Transfer) => void }) {
  const intl = useIntl()
  const queries = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const [files, setFiles] = useState<File[]>([])
  const [mode, setMode] = useState<KeyMode>('link')
  const [passphrase, setPassphrase] = useState('')
  const [people, setPeople] = useState('')
  const named = useEmailList(people)
  const [title, setTitle] = useState('')
  const [options, setOptions] = useState<TransferOptions>(NEW_TRANSFER_OPTIONS)
  const { message, days } = options
  const [progress, setProgress] = useState<Progress | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (files.length === 0)
      return setError(
        new Error(intl.formatMessage({ id: 'e2e.form.noFiles', defaultMessage: 'Choose at least one file to encrypt.' })),
      )
    if (mode === 'people' && named.error) return setError(new Error(named.error))
    if (mode === 'people' && named.emails.length === 0)
      return setError(
        new Error(
          intl.formatMessage({ id: 'e2e.form.noPeople', defaultMessage: 'Name at least one person by email address.' }),
        ),
      )
    if (mode === 'passphrase' && passphrase.length < 10)
      return setError(
        new Error(
          intl.formatMessage({
            id: 'e2e.form.passphraseTooShort',
            defaultMessage: 'Use a passphrase of at least 10 characters: anyone with the link could try to guess it.',
          }),
        ),
      )
    setBusy(true)
    try {
      const { keys, identity } = await keysFor(mode, passphrase, named.emails)
      const entries = []
      for (const file of files) {
        const meter = new RateMeter()
        let resumedAt = -1
        const id = await uploadSealed(file, keys, (sent, total) => {
          if (resumedAt < 0) resumedAt = sent
          setProgress({ name: file.name, sent, total, rate: meter.sample(sent, performance.now()), resumedAt })
        })
        entries.push({ id, name: file.name, type: file.type || null, size: file.size })
      }
      const manifest = await sealText(JSON.stringify({ title: title.trim() || null, message: message.trim() || null, files: entries }), keys)
      // The server sees only this placeholder title (the real one is in the manifest), in the sender's language.
      const placeholder = intl.formatMessage({ id: 'e2e.form.placeholderTitle', defaultMessage: 'Encrypted transfer' })
      const transfer = await createTransfer({
        title: placeholder,
        file_ids: entries.map((e) => e.id),
        recipients: [],
        expires_at: expiryFromDays(Number(days)),
        e2e: true,
        manifest,
        link: linkFields(options),
      })
      await forgetPending()
      await queries.invalidateQueries({ queryKey: ['transfers'] })
      const url = transfer.link?.url && identity ? `${transfer.link.url}#${identity}` : transfer.link?.url
      onCreated({ ...transfer, title: title.trim() || placeholder, link: transfer.link ? { ...transfer.link, url } : null })
    } catch (e) {
      // A refused upload: the server's sentence, not tus-js-client's quote of the exchange.
      const detail = problemDetail(e)
      setError(detail ? new Error(detail) : e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="card grid gap-5 p-5 sm:p-6 lg:grid-cols-2" noValidate>
      <div className="space-y-4">
        <input
          ref={input}
          type="file"
          multiple
          hidden
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
          aria-label={intl.formatMessage({ id: 'e2e.form.filesInput', defaultMessage: 'Files to encrypt' })}
        />
        <Button icon="upload" onClick={() => input.current?.click()}>
          <FormattedMessage id="e2e.form.choose" defaultMessage="Choose files to encrypt" />
        </Button>
        <ul className="space-y-1 text-sm" aria-label={intl.formatMessage({ id: 'e2e.form.chosen', defaultMessage: 'Chosen files' })}>
          {files.map((f) => (
            <li key={`${f.name}:${f.size}`}>
              <bdi>{f.name}</bdi>
              {FILE_SEPARATOR}
              <bdi>{formatBytes(f.size)}</bdi>
            </li>
          ))}
        </ul>
        <fieldset className="space-y-2">
          <legend className="label">
            <FormattedMessage id="e2e.form.keyLegend" defaultMessage="Key" />
          </legend>
          <KeyModeChoice value="link" mode={mode} onChoose={setMode}>
            <FormattedMessage
              id="e2e.form.modeLink"
              defaultMessage="<b>Link key</b>: the key is part of the link (after #, never sent to the server)."
              values={{ b: strong }}
            />
          </KeyModeChoice>
          <KeyModeChoice value="passphrase" mode={mode} onChoose={setMode}>
            <FormattedMessage
              id="e2e.form.modePassphrase"
              defaultMessage="<b>Passphrase</b>: recipients type it; tell it to them another way."
              values={{ b: strong }}
            />
          </KeyModeChoice>
          <KeyModeChoice value="people" mode={mode} onChoose={setMode}>
            <FormattedMessage
              id="e2e.form.modePeople"
              defaultMessage="<b>To people</b>: encrypt to the keys of users of this server; no secret travels in the link."
              values={{ b: strong }}
            />
          </KeyModeChoice>
        </fieldset>
        {mode === 'people' && (
          <EmailListField
            label={intl.formatMessage({ id: 'e2e.form.people', defaultMessage: 'People' })}
            value={people}
            onChange={setPeople}
            hint={intl.formatMessage({
              id: 'e2e.form.peopleHint',
              defaultMessage: 'Email addresses of users who created an encryption key.',
            })}
            error={named.error}
          />
        )}
        {mode === 'passphrase' && (
          <TextField
            label={intl.formatMessage({ id: 'e2e.form.passphrase', defaultMessage: 'Passphrase' })}
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            hint={intl.formatMessage({
              id: 'e2e.form.passphraseHint',
              defaultMessage: 'At least 10 characters; a few random words are best.',
            })}
          />
        )}
        <p className="text-sm muted">
          <FormattedMessage
            id="e2e.form.serverSees"
            defaultMessage="The server stores only ciphertext: it cannot scan these files for viruses or show previews. It still sees their sizes and how many there are."
          />
        </p>
      </div>
      <div className="space-y-4">
        <TextField
          label={intl.formatMessage({ id: 'e2e.form.title', defaultMessage: 'Title' })}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={200}
          hint={intl.formatMessage({ id: 'e2e.form.titleHint', defaultMessage: 'Encrypted.' })}
        />
        <TransferOptionsFields
          id="e2e"
          value={options}
          onChange={setOptions}
          passwordHint={intl.formatMessage({
            id: 'e2e.form.passwordHint',
            defaultMessage: 'Optional access password, on top of the key.',
          })}
          error={error}
        />
        {progress && (
          <p className="text-sm" role="status">
            <FormattedMessage
              id="e2e.form.progress"
              defaultMessage="{resumed, select, yes {Resumed at {resumedAt}% · } other {}}Encrypting and uploading {name}: {percent}% · {speed} · {eta}"
              values={{
                resumed: progress.resumedAt > 0 ? 'yes' : 'no',
                resumedAt: percent(progress.resumedAt, progress.total),
                name: <bdi>{progress.name}</bdi>,
                percent: percent(progress.sent, progress.total),
                speed: formatSpeed(progress.rate),
                eta: formatEta(etaSeconds(progress.total - progress.sent, progress.rate)),
              }}
            />
          </p>
        )}
        <InlineError error={ruleFieldOf(error) ? null : localized(intl, error)} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" icon="shield" busy={busy}>
            <FormattedMessage id="e2e.form.create" defaultMessage="Encrypt and create transfer" />
          </Button>
        </div>
      </div>
    </form>
  )
}
