import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  closeUploadRequest,
  createUploadRequest,
  listUploadRequests,
  receivedFiles,
  type UploadRequest,
} from '../api/uploadRequests'
import { FileIcon } from '../files/FileIcon'
import {
  AccessRulesFields,
  NO_RULES,
  ruleFieldOf,
  rulesBody,
  type AccessRulesText,
} from '../security/AccessRulesFields'
import { CaptchaCheckbox } from '../share/CaptchaCheckbox'
import { formatBytes, formatDateTime, formatRelative } from '../lib/format'
import { EmailListField, useEmailList } from '../transfers/EmailListField'
import { expiryFromDays, positiveInt } from '../transfers/form'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { Dialog } from '../ui/Dialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner, Spinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

export function UploadRequestsPage() {
  const intl = useIntl()
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<UploadRequest | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const list = useQuery({ queryKey: ['upload-requests'], queryFn: listUploadRequests })
  const items = list.data?.items ?? []
  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'requests.list.title', defaultMessage: 'Upload requests' })}
        description={intl.formatMessage({
          id: 'requests.list.description',
          defaultMessage: 'Links through which people without an account send files into your library.',
        })}
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            <FormattedMessage id="requests.list.new" defaultMessage="New request" />
          </Button>
        }
      />
      <div className="card overflow-hidden">
        {list.isPending ? (
          <PageSpinner
            label={intl.formatMessage({ id: 'requests.list.loading', defaultMessage: 'Loading upload requests' })}
          />
        ) : list.isError ? (
          <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon="upload"
            title={intl.formatMessage({ id: 'requests.list.emptyTitle', defaultMessage: 'No upload requests yet' })}
          >
            <FormattedMessage
              id="requests.list.emptyText"
              defaultMessage="Create one and send its link to whoever should send you files."
            />
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200/80 dark:divide-zinc-800">
            {items.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  aria-expanded={open === r.id}
                  onClick={() => setOpen(open === r.id ? null : r.id)}
                  className="flex w-full items-center gap-4 px-4 py-3 text-start hover:bg-zinc-50 sm:px-5 dark:hover:bg-zinc-800/50"
                >
                  <Icon
                    name={open === r.id ? 'chevronDown' : 'chevronRight'}
                    className="size-4 shrink-0 muted rtl:-scale-x-100"
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{r.title}</span>
                    <span className="block truncate text-sm muted">
                      <FormattedMessage
                        id="requests.list.received"
                        defaultMessage="{count, plural, one {# file} other {# files}} · {size} · into {folder}"
                        values={{
                          count: r.files_received,
                          size: formatBytes(r.bytes_received),
                          folder: <bdi>{r.folder}</bdi>,
                        }}
                      />
                    </span>
                  </span>
                  <span className="hidden text-sm muted md:block">
                    {r.status === 'active' ? (
                      <FormattedMessage
                        id="requests.list.ends"
                        defaultMessage="ends {when}"
                        values={{ when: formatRelative(r.expires_at) }}
                      />
                    ) : (
                      formatDateTime(r.expires_at)
                    )}
                  </span>
                  <Badge tone={r.status === 'active' ? 'green' : r.status === 'revoked' ? 'red' : 'neutral'}>
                    <FormattedMessage
                      id="requests.list.status"
                      defaultMessage="{status, select, active {Active} revoked {Revoked} expired {Expired} other {{status}}}"
                      values={{ status: r.status }}
                    />
                  </Badge>
                </button>
                {open === r.id && <Received request={r} />}
              </li>
            ))}
          </ul>
        )}
      </div>
      <CreateDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => (setCreating(false), setCreated(r))}
      />
      <Dialog
        open={created !== null}
        onClose={() => setCreated(null)}
        title={intl.formatMessage({ id: 'requests.created.title', defaultMessage: 'Upload request ready' })}
        description={intl.formatMessage({
          id: 'requests.created.description',
          defaultMessage: 'Send this link. It is shown only now.',
        })}
      >
        {created?.url && (
          <CopyField
            label={intl.formatMessage({ id: 'requests.created.link', defaultMessage: 'Upload link' })}
            value={created.url}
          />
        )}
      </Dialog>
    </>
  )
}

function Received({ request }: { request: UploadRequest }) {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const files = useQuery({
    queryKey: ['upload-requests', request.id, 'files'],
    queryFn: () => receivedFiles(request.id),
  })
  const close = useMutation({
    mutationFn: () => closeUploadRequest(request.id),
    onSuccess: () => {
      toast.show(
        intl.formatMessage(
          { id: 'requests.received.closed', defaultMessage: 'Closed {title}' },
          { title: request.title },
        ),
      )
      return queries.invalidateQueries({ queryKey: ['upload-requests'] })
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
  })
  return (
    <div className="space-y-3 border-t border-zinc-200/80 bg-zinc-50/60 px-4 py-4 sm:px-5 dark:border-zinc-800 dark:bg-zinc-900/40">
      {files.isPending ? (
        <Spinner className="size-4" />
      ) : files.isError ? (
        <InlineError error={files.error} />
      ) : (files.data?.items ?? []).length === 0 ? (
        <p className="text-sm muted">
          <FormattedMessage id="requests.received.empty" defaultMessage="Nothing has arrived yet." />
        </p>
      ) : (
        <ul className="space-y-2">
          {(files.data?.items ?? []).map((f) => (
            <li key={f.file_id} className="flex items-center gap-3 text-sm">
              <FileIcon name={f.name} />
              <span className="min-w-0 flex-1 truncate">{f.name}</span>
              {f.uploader_email && (
                <span className="muted" dir="ltr">
                  {f.uploader_email}
                </span>
              )}
              {f.status === 'uploading' ? (
                <Badge tone="amber">
                  <FormattedMessage id="requests.received.uploading" defaultMessage="Uploading" />
                </Badge>
              ) : (
                <span className="muted">{formatRelative(f.completed_at)}</span>
              )}
              <span className="muted tabular-nums">{formatBytes(f.size)}</span>
            </li>
          ))}
        </ul>
      )}
      {request.status === 'active' && (
        <Button size="sm" variant="danger-secondary" icon="ban" busy={close.isPending} onClick={() => close.mutate()}>
          <FormattedMessage id="requests.received.close" defaultMessage="Close request" />
        </Button>
      )}
    </div>
  )
}

function CreateDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: (r: UploadRequest) => void
}) {
  const intl = useIntl()
  const queries = useQueryClient()
  const [title, setTitle] = useState('')
  const [message, setMessage] = useState('')
  const [password, setPassword] = useState('')
  const [captcha, setCaptcha] = useState<boolean | null>(null)
  const [invited, setInvited] = useState('')
  const [rules, setRules] = useState<AccessRulesText>(NO_RULES)
  const [maxFiles, setMaxFiles] = useState('10')
  const [maxGb, setMaxGb] = useState('1')
  const [days, setDays] = useState('7')
  const addresses = useEmailList(invited)
  const invalidAddresses = addresses.error
  const create = useMutation({
    mutationFn: () => {
      const gigabytes = Number(maxGb)
      return createUploadRequest({
        title:
          title.trim() || intl.formatMessage({ id: 'requests.create.defaultTitle', defaultMessage: 'Files for me' }),
        ...(message.trim() ? { message: message.trim() } : {}),
        ...(password ? { password } : {}),
        ...(addresses.emails.length ? { allowed_emails: addresses.emails } : {}),
        ...(captcha !== null && !password && !addresses.emails.length ? { captcha } : {}),
        max_files: positiveInt(maxFiles) ?? 10,
        max_total_bytes: Math.round((Number.isFinite(gigabytes) && gigabytes > 0 ? gigabytes : 1) * 1e9),
        expires_at: expiryFromDays(positiveInt(days) ?? 7),
        ...rulesBody(rules),
      })
    },
    onSuccess: async (r) => {
      await queries.invalidateQueries({ queryKey: ['upload-requests'] })
      setTitle('')
      setMessage('')
      setPassword('')
      setCaptcha(null)
      setInvited('')
      setRules(NO_RULES)
      onCreated(r)
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!invalidAddresses) create.mutate()
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage({ id: 'requests.create.title', defaultMessage: 'New upload request' })}
      footer={
        <>
          <Button onClick={onClose}>
            <FormattedMessage id="requests.create.cancel" defaultMessage="Cancel" />
          </Button>
          <Button variant="primary" type="submit" form="new-upload-request" busy={create.isPending}>
            <FormattedMessage id="requests.create.submit" defaultMessage="Create link" />
          </Button>
        </>
      }
    >
      <form id="new-upload-request" className="space-y-4" onSubmit={submit}>
        <TextField
          label={intl.formatMessage({ id: 'requests.create.titleLabel', defaultMessage: 'Title' })}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={intl.formatMessage({ id: 'requests.create.titlePlaceholder', defaultMessage: 'Tax papers' })}
        />
        <TextField
          label={intl.formatMessage({ id: 'requests.create.message', defaultMessage: 'Message' })}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={intl.formatMessage({ id: 'requests.create.maxFiles', defaultMessage: 'Most files' })}
            inputMode="numeric"
            value={maxFiles}
            onChange={(e) => setMaxFiles(e.target.value)}
          />
          <TextField
            label={intl.formatMessage({ id: 'requests.create.maxGb', defaultMessage: 'Most GB in all' })}
            inputMode="decimal"
            value={maxGb}
            onChange={(e) => setMaxGb(e.target.value)}
          />
          <TextField
            label={intl.formatMessage({ id: 'requests.create.days', defaultMessage: 'Open for (days)' })}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <TextField
          label={intl.formatMessage({ id: 'requests.create.password', defaultMessage: 'Password' })}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          hint={intl.formatMessage({ id: 'requests.create.passwordHint', defaultMessage: 'Optional.' })}
        />
        <EmailListField
          label={intl.formatMessage({ id: 'requests.create.invited', defaultMessage: 'Only from these people' })}
          value={invited}
          onChange={setInvited}
          hint={intl.formatMessage({
            id: 'requests.create.invitedHint',
            defaultMessage:
              'Optional. Email addresses separated by commas; each uploader confirms theirs with a code we email.',
          })}
          error={invalidAddresses}
        />
        <CaptchaCheckbox
          checked={captcha}
          unavailable={!!password || addresses.emails.length > 0}
          onChange={setCaptcha}
          invitedOnlyToo
        />
        <AccessRulesFields
          value={rules}
          onChange={setRules}
          error={create.error}
          networksHint={intl.formatMessage({
            id: 'requests.create.networksHint',
            defaultMessage: 'Only visitors from these addresses (CIDR) can open the link. Empty: from anywhere.',
          })}
        />
        <InlineError error={ruleFieldOf(create.error) ? null : create.error} />
      </form>
    </Dialog>
  )
}
