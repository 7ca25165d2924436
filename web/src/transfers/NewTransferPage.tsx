import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState, type FormEvent } from 'react'
import { Link, useLocation } from 'react-router'
import { ApiError } from '../api/client'
import { createTransfer, notifyRecipients, type Transfer } from '../api/transfers'
import { EncryptedTransferForm } from '../e2e/EncryptedTransferForm'
import { UploadPanel } from '../files/uploads/UploadPanel'
import { ruleFieldOf } from '../security/AccessRulesFields'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { PageHeader } from '../ui/PageHeader'
import { useToast } from '../ui/Toasts'
import { FilePicker } from './FilePicker'
import { expiryFromDays, parseRecipients } from './form'
import { QrCode } from './QrCode'
import { linkFields, NEW_TRANSFER_OPTIONS, TransferOptionsFields, type TransferOptions } from './TransferOptionsFields'

export function NewTransferPage() {
  const location = useLocation()
  const preselected = (location.state as { fileIds?: string[] } | null)?.fileIds ?? []
  const [files, setFiles] = useState<Set<string>>(() => new Set(preselected))
  const [created, setCreated] = useState<Transfer | null>(null)
  const onFiles = useCallback((next: Set<string>) => setFiles(next), [])
  const [encrypted, setEncrypted] = useState(false)

  return (
    <>
      <PageHeader
        title={created ? 'Transfer ready' : 'New transfer'}
        description={
          created
            ? 'Send the link below. It is shown only now: copy it before you leave this page.'
            : 'Send files from your library to anyone with a link.'
        }
        actions={
          <Link to="/transfers" className="link">
            All transfers
          </Link>
        }
      />
      <div>
        {created ? (
          <TransferResult transfer={created} />
        ) : (
          <>
            <label className="mb-4 flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                role="switch"
                className="size-4 accent-accent-600"
                checked={encrypted}
                onChange={(e) => setEncrypted(e.target.checked)}
              />
              End-to-end encrypted
            </label>
            {encrypted ? (
              <EncryptedTransferForm onCreated={setCreated} />
            ) : (
              <TransferForm files={files} onFiles={onFiles} onCreated={setCreated} />
            )}
          </>
        )}
      </div>
      <UploadPanel />
    </>
  )
}

function TransferForm({
  files,
  onFiles,
  onCreated,
}: {
  files: Set<string>
  onFiles: (s: Set<string>) => void
  onCreated: (t: Transfer) => void
}) {
  const queries = useQueryClient()
  const [title, setTitle] = useState('')
  const [recipients, setRecipients] = useState('')
  const [options, setOptions] = useState<TransferOptions>(NEW_TRANSFER_OPTIONS)
  const { message, days } = options
  const [verify, setVerify] = useState(false)
  const [notify, setNotify] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const parsed = parseRecipients(recipients)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (files.size === 0) return setError(new Error('Choose at least one file.'))
    if (parsed.invalid.length) return setError(new Error(`Not an email address: ${parsed.invalid.join(', ')}`))
    if ((verify || notify) && parsed.emails.length === 0)
      return setError(new Error('Add recipients to verify or email them.'))
    setBusy(true)
    try {
      const transfer = await createTransfer({
        title: title.trim() || 'Files',
        ...(message.trim() ? { message: message.trim() } : {}),
        file_ids: [...files],
        recipients: parsed.emails,
        expires_at: expiryFromDays(Number(days)),
        notify_recipients: notify,
        link: { ...linkFields(options), require_email_verification: verify },
      })
      await queries.invalidateQueries({ queryKey: ['transfers'] })
      onCreated(transfer)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="card grid gap-5 p-5 sm:p-6 lg:grid-cols-2" noValidate>
      <div className="space-y-5">
        <FilePicker selected={files} onChange={onFiles} />
      </div>
      <div className="space-y-4">
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Q3 report"
          maxLength={200}
        />
        <TextField
          label="Recipients"
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
          placeholder="bob@example.com, alice@example.com"
          hint="Optional. Email addresses separated by commas."
          error={parsed.invalid.length ? `Not an email address: ${parsed.invalid.join(', ')}` : undefined}
        />
        <TransferOptionsFields
          id="transfer"
          value={options}
          onChange={setOptions}
          passwordHint="Optional. Tell it to the recipients another way."
          error={error}
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent-600"
            checked={verify}
            onChange={(e) => setVerify(e.target.checked)}
          />
          Recipients must confirm their email address with a code
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent-600"
            checked={notify}
            onChange={(e) => setNotify(e.target.checked)}
          />
          Email the link to the recipients now
        </label>
        <InlineError error={ruleFieldOf(error) ? null : error} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" icon="link" busy={busy}>
            Create transfer
          </Button>
        </div>
      </div>
    </form>
  )
}

function TransferResult({ transfer }: { transfer: Transfer }) {
  const toast = useToast()
  const [sending, setSending] = useState(false)
  const url = transfer.link?.url ?? ''
  const emailNow = async () => {
    setSending(true)
    try {
      const result = await notifyRecipients(transfer.id, {})
      toast.show(
        result.mail === 'disabled'
          ? 'Mail is not set up on this server: send the link yourself'
          : `Emailed a link to ${result.recipients} recipients`,
      )
    } catch (e) {
      toast.show(e instanceof ApiError ? e.message : 'Could not send the emails', 'error')
    } finally {
      setSending(false)
    }
  }
  return (
    <div className="card flex flex-col gap-6 p-5 sm:flex-row sm:p-6">
      <QrCode value={url} label={`QR code of the link to ${transfer.title}`} />
      <div className="min-w-0 flex-1 space-y-4">
        <div>
          <h2 className="text-lg font-semibold">{transfer.title}</h2>
          <p className="text-sm muted">
            {transfer.files.length} {transfer.files.length === 1 ? 'file' : 'files'} · expires{' '}
            {new Date(transfer.expires_at).toLocaleString()}
            {transfer.link?.password_required ? ' · password protected' : ''}
            {transfer.link?.max_downloads ? ` · ${transfer.link.max_downloads} downloads` : ''}
          </p>
        </div>
        <CopyField label="Share link" value={url} />
        {transfer.mail === 'disabled' && transfer.recipients.length > 0 && (
          <p className="text-sm muted">Mail is not set up on this server: send the link yourself.</p>
        )}
        <div className="flex flex-wrap gap-2">
          {transfer.recipients.length > 0 && (
            <Button icon="mail" busy={sending} onClick={() => void emailNow()}>
              Email a new link to {transfer.recipients.length}{' '}
              {transfer.recipients.length === 1 ? 'recipient' : 'recipients'}
            </Button>
          )}
          <Link to={`/transfers?open=${encodeURIComponent(transfer.id)}`} className="link self-center">
            View transfer
          </Link>
        </div>
      </div>
    </div>
  )
}
