import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link, useLocation } from 'react-router'
import { ApiError } from '../api/client'
import { createTransfer, notifyRecipients, type LinkOptions, type Transfer } from '../api/transfers'
import { EncryptedTransferForm } from '../e2e/EncryptedTransferForm'
import { UploadPanel } from '../files/uploads/UploadPanel'
import { ruleFieldOf } from '../security/AccessRulesFields'
import { Button } from '../ui/Button'
import { formatDateTime } from '../lib/format'
import { CopyField } from '../ui/CopyField'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { PageHeader } from '../ui/PageHeader'
import { useToast } from '../ui/Toasts'
import { FilePicker } from './FilePicker'
import { EmailListField, useEmailList } from './EmailListField'
import { expiryFromDays } from './form'
import { QrCode } from './QrCode'
import { linkFields, NEW_TRANSFER_OPTIONS, TransferOptionsFields, type TransferOptions } from './TransferOptionsFields'

export function NewTransferPage() {
  const intl = useIntl()
  const location = useLocation()
  const preselected = (location.state as { fileIds?: string[] } | null)?.fileIds ?? []
  const [files, setFiles] = useState<Set<string>>(() => new Set(preselected))
  // The link options go with the transfer: a new link emailed later must be protected alike.
  const [created, setCreated] = useState<{ transfer: Transfer; link: LinkOptions | null } | null>(null)
  const onFiles = useCallback((next: Set<string>) => setFiles(next), [])
  const [encrypted, setEncrypted] = useState(false)

  return (
    <>
      <PageHeader
        title={
          created
            ? intl.formatMessage({ id: 'transfers.new.readyTitle', defaultMessage: 'Transfer ready' })
            : intl.formatMessage({ id: 'transfers.new.title', defaultMessage: 'New transfer' })
        }
        description={
          created
            ? intl.formatMessage({
                id: 'transfers.new.readyDescription',
                defaultMessage: 'Send the link below. It is shown only now: copy it before you leave this page.',
              })
            : intl.formatMessage({
                id: 'transfers.new.description',
                defaultMessage: 'Send files from your library to anyone with a link.',
              })
        }
        actions={
          <Link to="/transfers" className="link">
            <FormattedMessage id="transfers.new.all" defaultMessage="All transfers" />
          </Link>
        }
      />
      <div>
        {created ? (
          <TransferResult transfer={created.transfer} link={created.link} />
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
              <FormattedMessage id="transfers.new.encrypted" defaultMessage="End-to-end encrypted" />
            </label>
            {encrypted ? (
              <EncryptedTransferForm onCreated={(transfer) => setCreated({ transfer, link: null })} />
            ) : (
              <TransferForm
                files={files}
                onFiles={onFiles}
                onCreated={(transfer, link) => setCreated({ transfer, link })}
              />
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
  onCreated: (t: Transfer, link: LinkOptions) => void
}) {
  const intl = useIntl()
  const queries = useQueryClient()
  const [title, setTitle] = useState('')
  const [recipients, setRecipients] = useState('')
  const [options, setOptions] = useState<TransferOptions>(NEW_TRANSFER_OPTIONS)
  const { message, days } = options
  const [verify, setVerify] = useState(false)
  const [notify, setNotify] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const parsed = useEmailList(recipients)
  const invalidRecipients = parsed.error

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (files.size === 0)
      return setError(
        new Error(intl.formatMessage({ id: 'transfers.new.noFiles', defaultMessage: 'Choose at least one file.' })),
      )
    if (invalidRecipients) return setError(new Error(invalidRecipients))
    if ((verify || notify) && parsed.emails.length === 0)
      return setError(
        new Error(
          intl.formatMessage({
            id: 'transfers.new.noRecipients',
            defaultMessage: 'Add recipients to verify or email them.',
          }),
        ),
      )
    setBusy(true)
    try {
      const link = { ...linkFields(options), require_email_verification: verify }
      const transfer = await createTransfer({
        title: title.trim() || intl.formatMessage({ id: 'transfers.new.defaultTitle', defaultMessage: 'Files' }),
        ...(message.trim() ? { message: message.trim() } : {}),
        file_ids: [...files],
        recipients: parsed.emails,
        expires_at: expiryFromDays(Number(days)),
        notify_recipients: notify,
        link,
      })
      await queries.invalidateQueries({ queryKey: ['transfers'] })
      onCreated(transfer, link)
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
          label={intl.formatMessage({ id: 'transfers.new.titleLabel', defaultMessage: 'Title' })}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={intl.formatMessage({ id: 'transfers.new.titlePlaceholder', defaultMessage: 'Q3 report' })}
          maxLength={200}
        />
        <EmailListField
          label={intl.formatMessage({ id: 'transfers.new.recipients', defaultMessage: 'Recipients' })}
          value={recipients}
          onChange={setRecipients}
          hint={intl.formatMessage({
            id: 'transfers.new.recipientsHint',
            defaultMessage: 'Optional. Email addresses separated by commas.',
          })}
          error={invalidRecipients}
        />
        <TransferOptionsFields
          id="transfer"
          value={options}
          onChange={setOptions}
          passwordHint={intl.formatMessage({
            id: 'transfers.new.passwordHint',
            defaultMessage: 'Optional. Tell it to the recipients another way.',
          })}
          error={error}
          previews
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent-600"
            checked={verify}
            onChange={(e) => setVerify(e.target.checked)}
          />
          <FormattedMessage
            id="transfers.new.verify"
            defaultMessage="Recipients must confirm their email address with a code"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-accent-600"
            checked={notify}
            onChange={(e) => setNotify(e.target.checked)}
          />
          <FormattedMessage id="transfers.new.notify" defaultMessage="Email the link to the recipients now" />
        </label>
        <InlineError error={ruleFieldOf(error) ? null : error} />
        <div className="flex justify-end">
          <Button type="submit" variant="primary" icon="link" busy={busy}>
            <FormattedMessage id="transfers.new.create" defaultMessage="Create transfer" />
          </Button>
        </div>
      </div>
    </form>
  )
}

/** `link`: the options the transfer's link was made with, for the new link "Email" makes; null when none may be made here. */
function TransferResult({ transfer, link }: { transfer: Transfer; link: LinkOptions | null }) {
  const intl = useIntl()
  const toast = useToast()
  const [sending, setSending] = useState(false)
  const url = transfer.link?.url ?? ''
  const emailNow = async (options: LinkOptions) => {
    setSending(true)
    try {
      const result = await notifyRecipients(transfer.id, options)
      toast.show(
        result.mail === 'disabled'
          ? intl.formatMessage({
              id: 'transfers.result.mailDisabledToast',
              defaultMessage: 'Mail is not set up on this server: send the link yourself',
            })
          : intl.formatMessage(
              {
                id: 'transfers.result.emailed',
                defaultMessage: 'Emailed a link to {count, plural, one {# recipient} other {# recipients}}',
              },
              { count: result.recipients },
            ),
      )
    } catch (e) {
      toast.show(
        e instanceof ApiError
          ? e.message
          : intl.formatMessage({ id: 'transfers.result.emailFailed', defaultMessage: 'Could not send the emails' }),
        'error',
      )
    } finally {
      setSending(false)
    }
  }
  return (
    <div className="card flex flex-col gap-6 p-5 sm:flex-row sm:p-6">
      <QrCode
        value={url}
        label={intl.formatMessage(
          { id: 'transfers.result.qrCode', defaultMessage: 'QR code of the link to {title}' },
          { title: transfer.title },
        )}
      />
      <div className="min-w-0 flex-1 space-y-4">
        <div>
          <h2 className="text-lg font-semibold">{transfer.title}</h2>
          <p className="text-sm muted">
            <FormattedMessage
              id="transfers.result.summary"
              defaultMessage="{count, plural, one {# file} other {# files}} · expires {when}{password, select, yes { · password protected} other {}}{max, plural, =0 {} one { · # download} other { · # downloads}}"
              values={{
                count: transfer.files.length,
                when: formatDateTime(transfer.expires_at),
                password: transfer.link?.password_required ? 'yes' : 'no',
                max: transfer.link?.max_downloads ?? 0,
              }}
            />
          </p>
        </div>
        <CopyField
          label={intl.formatMessage({ id: 'transfers.result.link', defaultMessage: 'Share link' })}
          value={url}
        />
        {transfer.mail === 'disabled' && transfer.recipients.length > 0 && (
          <p className="text-sm muted">
            <FormattedMessage
              id="transfers.result.mailDisabled"
              defaultMessage="Mail is not set up on this server: send the link yourself."
            />
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          {link && transfer.recipients.length > 0 && (
            <Button icon="mail" busy={sending} onClick={() => void emailNow(link)}>
              <FormattedMessage
                id="transfers.result.emailAgain"
                defaultMessage="Email a new link to {count, plural, one {# recipient} other {# recipients}}"
                values={{ count: transfer.recipients.length }}
              />
            </Button>
          )}
          <Link to={`/transfers?open=${encodeURIComponent(transfer.id)}`} className="link self-center">
            <FormattedMessage id="transfers.result.view" defaultMessage="View transfer" />
          </Link>
        </div>
      </div>
    </div>
  )
}
