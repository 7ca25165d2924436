import { useQueryClient } from '@tanstack/react-query'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { useRef, useState, type FormEvent } from 'react'
import { createTransfer, type Transfer } from '../api/transfers'
import { formatBytes, formatEta, formatSpeed, percent } from '../lib/format'
import { etaSeconds, RateMeter } from '../lib/rate'
import { ruleFieldOf } from '../security/AccessRulesFields'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { expiryFromDays, parseRecipients } from '../transfers/form'
import { linkFields, NEW_TRANSFER_OPTIONS, TransferOptionsFields, type TransferOptions } from '../transfers/TransferOptionsFields'
import { sealText, type Keys } from './age'
import { recipientOf } from './keys'
import { forgetPending, pendingIdentity, savePendingIdentity } from './pending'
import { uploadSealed } from './upload'

export type KeyMode = 'link' | 'passphrase' | 'people'


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
        recipientOf(email).catch(() => Promise.reject(new Error(`${email} has no end-to-end encryption key on this server.`))),
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
  const queries = useQueryClient()
  const input = useRef<HTMLInputElement>(null)
  const [files, setFiles] = useState<File[]>([])
  const [mode, setMode] = useState<KeyMode>('link')
  const [passphrase, setPassphrase] = useState('')
  const [people, setPeople] = useState('')
  const [title, setTitle] = useState('')
  const [options, setOptions] = useState<TransferOptions>(NEW_TRANSFER_OPTIONS)
  const { message, days } = options
  const [progress, setProgress] = useState<Progress | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (files.length === 0) return setError(new Error('Choose at least one file to encrypt.'))
    if (mode === 'people' && parseRecipients(people).emails.length === 0)
      return setError(new Error('Name at least one person by email address.'))
    if (mode === 'passphrase' && passphrase.length < 10)
      return setError(new Error('Use a passphrase of at least 10 characters: anyone with the link could try to guess it.'))
    setBusy(true)
    try {
      const { keys, identity } = await keysFor(mode, passphrase, parseRecipients(people).emails)
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
      const transfer = await createTransfer({
        title: 'Encrypted transfer',
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
      onCreated({ ...transfer, title: title.trim() || 'Encrypted transfer', link: transfer.link ? { ...transfer.link, url } : null })
    } catch (e) {
      setError(e)
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
          aria-label="Files to encrypt"
        />
        <Button icon="upload" onClick={() => input.current?.click()}>
          Choose files to encrypt
        </Button>
        <ul className="space-y-1 text-sm" aria-label="Chosen files">
          {files.map((f) => (
            <li key={`${f.name}:${f.size}`}>
              {f.name} · {formatBytes(f.size)}
            </li>
          ))}
        </ul>
        <fieldset className="space-y-2">
          <legend className="label">Key</legend>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="key-mode" checked={mode === 'link'} onChange={() => setMode('link')} />
            <span>
              <strong>Link key</strong>: the key is part of the link (after #, never sent to the server).
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="radio" name="key-mode" checked={mode === 'passphrase'} onChange={() => setMode('passphrase')} />
            <span>
              <strong>Passphrase</strong>: recipients type it; tell it to them another way.
            </span>
          </label>
        </fieldset>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="key-mode" checked={mode === 'people'} onChange={() => setMode('people')} />
          <span>
            <strong>To people</strong>: encrypt to the keys of users of this server; no secret travels in the link.
          </span>
        </label>
        {mode === 'people' && (
          <TextField
            label="People"
            value={people}
            onChange={(e) => setPeople(e.target.value)}
            placeholder="bob@example.com, alice@example.com"
            hint="Email addresses of users who created an encryption key."
          />
        )}
        {mode === 'passphrase' && (
          <TextField
            label="Passphrase"
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            hint="At least 10 characters; a few random words are best."
          />
        )}
        <p className="text-sm muted">
          The server stores only ciphertext: it cannot scan these files for viruses or show previews. It still sees their
          sizes and how many there are.
        </p>
      </div>
      <div className="space-y-4">
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} hint="Encrypted." />
        <TransferOptionsFields
          id="e2e"
          value={options}
          onChange={setOptions}
          passwordHint="Optional access password, on top of the key."
          error={error}
        />
        {progress && (
          <p className="text-sm" role="status">
            {progress.resumedAt > 0 ? `Resumed at ${percent(progress.resumedAt, progress.total)}% · ` : ''}
            Encrypting and uploading {progress.name}: {percent(progress.sent, progress.total)}% ·{' '}
            {formatSpeed(progress.rate)} · {formatEta(etaSeconds(progress.total - progress.sent, progress.rate))}
          </p>
        )}
        <InlineError error={ruleFieldOf(error) ? null : error} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" icon="shield" busy={busy}>
            Encrypt and create transfer
          </Button>
        </div>
      </div>
    </form>
  )
}
