import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import {
  listTransfers,
  revokeLink,
  revokeTransfer,
  transferActivity,
  transferRecipients,
  updateTransfer,
  type Transfer,
  type TransferStatus,
} from '../api/transfers'
import { FileIcon } from '../files/FileIcon'
import { ShareDialog } from '../grants/ShareDialog'
import { formatBytes, formatDateTime, formatRelative } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { SelectField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner, Spinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { displayStatus, downloadsSummary, expiryFromDays, type DisplayStatus } from './form'

const TONE: Record<DisplayStatus, 'green' | 'neutral' | 'amber' | 'red'> = {
  active: 'green',
  expired: 'neutral',
  exhausted: 'amber',
  revoked: 'red',
}

/**
 * Download counts change behind the sender's back (a recipient downloads elsewhere), so these
 * views refetch whenever they are shown or the window regains focus instead of trusting a cache.
 */
const LIVE = { staleTime: 0, refetchOnMount: 'always', refetchOnWindowFocus: 'always' } as const

const FILTERS = [
  { value: '', label: 'All transfers' },
  { value: 'active', label: 'Active' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
]

export function StatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <Badge tone={TONE[status]}>
      <span className="capitalize">{status}</span>
    </Badge>
  )
}

export function TransfersPage() {
  const [params, setParams] = useSearchParams()
  const status = (params.get('status') ?? '') as TransferStatus | ''
  const open = params.get('open')
  const listing = useInfiniteQuery({
    queryKey: ['transfers', status],
    queryFn: ({ pageParam }) => listTransfers(status, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
    ...LIVE,
  })
  const transfers = listing.data?.pages.flatMap((p) => p.items) ?? []
  const setOpen = (id: string | null) => {
    const next = new URLSearchParams(params)
    if (id) {
      next.set('open', id)
      void listing.refetch()
    } else next.delete('open')
    setParams(next, { replace: true })
  }

  return (
    <>
      <PageHeader
        title="Transfers"
        description="Files you sent with a link: who downloaded what, and until when."
        actions={
          <>
            <SelectField
              label="Show"
              hideLabel
              options={FILTERS}
              value={status}
              onChange={(e) => {
                const next = new URLSearchParams(params)
                if (e.target.value) next.set('status', e.target.value)
                else next.delete('status')
                setParams(next, { replace: true })
              }}
            />
            <Link
              to="/transfers/new"
              className="inline-flex h-10 items-center gap-2 rounded-lg bg-accent-600 px-4 text-[15px] font-medium text-white shadow-xs hover:bg-accent-700"
            >
              <Icon name="plus" className="size-[18px]" />
              New transfer
            </Link>
          </>
        }
      />
      <div className="card overflow-hidden">
        {listing.isPending ? (
          <PageSpinner label="Loading transfers" />
        ) : listing.isError ? (
          <ErrorNotice
            error={listing.error}
            title="Could not load your transfers"
            onRetry={() => void listing.refetch()}
          />
        ) : transfers.length === 0 ? (
          <EmptyState
            icon="link"
            title="No transfers yet"
            action={
              <Link to="/transfers/new" className="link">
                Send files
              </Link>
            }
          >
            Choose files, get a link, and see here when they are downloaded.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200/80 dark:divide-zinc-800">
            {transfers.map((t) => (
              <TransferRow
                key={t.id}
                transfer={t}
                open={open === t.id}
                onToggle={() => setOpen(open === t.id ? null : t.id)}
              />
            ))}
          </ul>
        )}
        {listing.hasNextPage && (
          <div className="flex justify-center border-t border-zinc-200/80 p-3 dark:border-zinc-800">
            <Button variant="ghost" busy={listing.isFetchingNextPage} onClick={() => void listing.fetchNextPage()}>
              Load more
            </Button>
          </div>
        )}
      </div>
    </>
  )
}

function TransferRow({ transfer, open, onToggle }: { transfer: Transfer; open: boolean; onToggle: () => void }) {
  const status = displayStatus(transfer)
  const downloads = transfer.shares.reduce((sum, s) => sum + s.downloads, 0)
  return (
    <li>
      <button
        type="button"
        aria-expanded={open}
        onClick={onToggle}
        className="flex w-full items-center gap-4 px-4 py-3 text-left hover:bg-zinc-50 sm:px-5 dark:hover:bg-zinc-800/50"
      >
        <Icon name={open ? 'chevronDown' : 'chevronRight'} className="size-4 shrink-0 muted" />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">{transfer.title}</span>
          <span className="block truncate text-sm muted">
            {transfer.files.length} {transfer.files.length === 1 ? 'file' : 'files'} ·{' '}
            {formatBytes(transfer.total_size)}
            {transfer.recipients.length > 0 ? ` · to ${transfer.recipients.join(', ')}` : ''}
          </span>
        </span>
        <span className="hidden text-sm muted tabular-nums sm:block">
          {downloads} {downloads === 1 ? 'download' : 'downloads'}
        </span>
        <span className="hidden w-36 text-right text-sm muted md:block">
          {status === 'active' ? `ends ${formatRelative(transfer.expires_at)}` : formatRelative(transfer.created_at)}
        </span>
        <StatusBadge status={status} />
      </button>
      {open && <TransferDetail transfer={transfer} />}
    </li>
  )
}

function TransferDetail({ transfer }: { transfer: Transfer }) {
  const queries = useQueryClient()
  const toast = useToast()
  const [revoking, setRevoking] = useState(false)
  const [extending, setExtending] = useState(false)
  const [sharing, setSharing] = useState(false)
  const [days, setDays] = useState('7')
  const [busy, setBusy] = useState(false)
  const recipients = useQuery({
    queryKey: ['transfers', transfer.id, 'recipients'],
    queryFn: () => transferRecipients(transfer.id),
    enabled: transfer.recipients.length > 0,
    ...LIVE,
  })
  const activity = useQuery({
    queryKey: ['transfers', transfer.id, 'activity'],
    queryFn: () => transferActivity(transfer.id),
    ...LIVE,
  })
  const refresh = () => queries.invalidateQueries({ queryKey: ['transfers'] })
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await action()
      await refresh()
      toast.show(done)
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setBusy(false)
      setRevoking(false)
      setExtending(false)
    }
  }

  return (
    <div className="grid gap-6 border-t border-zinc-200/80 bg-zinc-50/60 px-4 py-5 sm:px-5 lg:grid-cols-2 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="space-y-5">
        {transfer.message && <p className="text-sm whitespace-pre-wrap">{transfer.message}</p>}
        <section aria-label="Files">
          <h3 className="mb-2 text-sm font-semibold">Files</h3>
          <ul className="space-y-2">
            {transfer.files.map((f) => (
              <li key={f.id} className="flex items-center gap-3 text-sm">
                <FileIcon name={f.name} contentType={f.content_type} />
                <span className="min-w-0 flex-1 truncate">{f.name}</span>
                {!f.available && <Badge tone="red">Deleted</Badge>}
                <span className="muted tabular-nums">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label="Links">
          <h3 className="mb-2 text-sm font-semibold">Links</h3>
          <ul className="space-y-1.5 text-sm">
            {transfer.shares.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2">
                <StatusBadge status={s.status} />
                <span>{downloadsSummary(s.downloads, s.max_downloads)}</span>
                {s.password_required && <Badge>Password</Badge>}
                {s.require_email_verification && <Badge>Email code</Badge>}
                <span className="muted">until {formatDateTime(s.expires_at)}</span>
                {(s.status === 'active' || s.status === 'exhausted') && transfer.shares.length > 1 && (
                  <Button
                    size="sm"
                    variant="danger-ghost"
                    disabled={busy}
                    onClick={() => void run(() => revokeLink(transfer.id, s.id), 'Link revoked')}
                  >
                    Revoke link
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
        {transfer.recipients.length > 0 && (
          <section aria-label="Recipients">
            <h3 className="mb-2 text-sm font-semibold">Recipients</h3>
            {recipients.isPending ? (
              <Spinner className="size-4" />
            ) : (
              <ul className="space-y-1.5 text-sm">
                {(recipients.data?.items ?? []).map((r) => (
                  <li key={r.email} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{r.email}</span>
                    {r.downloaded_at ? (
                      <Badge tone="green">Downloaded {formatRelative(r.downloaded_at)}</Badge>
                    ) : r.verified_at ? (
                      <Badge tone="accent">Verified</Badge>
                    ) : r.notified_at ? (
                      <Badge>Emailed</Badge>
                    ) : (
                      <Badge>Not emailed</Badge>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            icon="clock"
            onClick={() => setExtending(true)}
            disabled={transfer.status === 'revoked' || Boolean(transfer.purged_at)}
          >
            {transfer.status === 'expired' ? 'Reopen' : 'Extend'}
          </Button>
          {transfer.status === 'active' && (
            <Button size="sm" icon="userPlus" onClick={() => setSharing(true)}>
              Share with people
            </Button>
          )}
          {transfer.status !== 'revoked' && (
            <Button size="sm" variant="danger-secondary" icon="ban" onClick={() => setRevoking(true)}>
              Revoke
            </Button>
          )}
        </div>
      </div>
      <section aria-label="Activity">
        <h3 className="mb-2 text-sm font-semibold">Activity</h3>
        {activity.isPending ? (
          <Spinner className="size-4" />
        ) : (activity.data?.items ?? []).length === 0 ? (
          <p className="text-sm muted">No downloads yet.</p>
        ) : (
          <ol className="relative space-y-3 border-l border-zinc-200 pl-4 dark:border-zinc-700">
            {(activity.data?.items ?? []).map((a) => (
              <li key={a.id} className="text-sm">
                <span className="absolute -left-1 mt-2 size-2 rounded-full bg-accent-500" aria-hidden="true" />
                <p className="font-medium">
                  {a.kind === 'zip' ? 'All files (ZIP)' : (a.file_name ?? 'A file')} · {formatBytes(a.bytes)}
                  {!a.completed && a.finished_at ? ' · incomplete' : ''}
                </p>
                <p className="muted">
                  {formatDateTime(a.started_at)}
                  {a.email ? ` · ${a.email}` : ''}
                  {a.ip ? ` · ${a.ip}` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <ShareDialog
        target={sharing ? { type: 'transfer', id: transfer.id, name: transfer.title } : null}
        onClose={() => setSharing(false)}
      />
      <ConfirmDialog
        open={revoking}
        title="Revoke this transfer?"
        confirmLabel="Revoke"
        danger
        busy={busy}
        onClose={() => setRevoking(false)}
        onConfirm={() => void run(() => revokeTransfer(transfer.id), `Revoked ${transfer.title}`)}
      >
        Its links stop working at once.{' '}
        {transfer.delete_files_on_expiry ? 'Its files are deleted.' : 'The files stay in your library.'}
      </ConfirmDialog>
      <Dialog
        open={extending}
        onClose={() => setExtending(false)}
        title="Extend this transfer"
        size="sm"
        footer={
          <>
            <Button onClick={() => setExtending(false)}>Cancel</Button>
            <Button
              variant="primary"
              busy={busy}
              onClick={() =>
                void run(
                  () => updateTransfer(transfer.id, { expires_at: expiryFromDays(Number(days)) }),
                  'Expiry updated',
                )
              }
            >
              Save
            </Button>
          </>
        }
      >
        <SelectField
          label="Expires in"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          options={['1', '3', '7', '14', '30'].map((d) => ({
            value: d,
            label: `${d} ${d === '1' ? 'day' : 'days'} from now`,
          }))}
        />
      </Dialog>
    </div>
  )
}
