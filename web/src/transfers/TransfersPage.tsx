import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { Link, useSearchParams } from 'react-router'
import {
  listTransfers,
  revokeLink,
  revokeTransfer,
  transferActivity,
  transferRecipients,
  updateLinkPreviews,
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
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { SelectField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner, Spinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { displayStatus, downloadsSummary, expiryFromDays, type DisplayStatus } from './form'
import { LinkPreviewsSwitch } from './LinkPreviewsSwitch'
import { EXPIRY_DAYS } from './TransferOptionsFields'

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

const filters = defineMessages({
  all: { id: 'transfers.list.filterAll', defaultMessage: 'All transfers' },
  active: { id: 'transfers.list.filterActive', defaultMessage: 'Active' },
  expired: { id: 'transfers.list.filterExpired', defaultMessage: 'Expired' },
  revoked: { id: 'transfers.list.filterRevoked', defaultMessage: 'Revoked' },
})

export function StatusBadge({ status }: { status: DisplayStatus }) {
  return (
    <Badge tone={TONE[status]}>
      <FormattedMessage
        id="transfers.status"
        defaultMessage="{status, select, active {Active} expired {Expired} exhausted {Exhausted} revoked {Revoked} other {{status}}}"
        values={{ status }}
      />
    </Badge>
  )
}

export function TransfersPage() {
  const intl = useIntl()
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
        title={intl.formatMessage({ id: 'transfers.list.title', defaultMessage: 'Transfers' })}
        description={intl.formatMessage({
          id: 'transfers.list.description',
          defaultMessage: 'Files you sent with a link: who downloaded what, and until when.',
        })}
        actions={
          <>
            <SelectField
              label={intl.formatMessage({ id: 'transfers.list.show', defaultMessage: 'Show' })}
              hideLabel
              options={[
                { value: '', label: intl.formatMessage(filters.all) },
                { value: 'active', label: intl.formatMessage(filters.active) },
                { value: 'expired', label: intl.formatMessage(filters.expired) },
                { value: 'revoked', label: intl.formatMessage(filters.revoked) },
              ]}
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
              <FormattedMessage id="transfers.list.new" defaultMessage="New transfer" />
            </Link>
          </>
        }
      />
      <div className="card overflow-hidden">
        {listing.isPending ? (
          <PageSpinner
            label={intl.formatMessage({ id: 'transfers.list.loading', defaultMessage: 'Loading transfers' })}
          />
        ) : listing.isError ? (
          <ErrorNotice
            error={listing.error}
            title={intl.formatMessage({
              id: 'transfers.list.loadFailed',
              defaultMessage: 'Could not load your transfers',
            })}
            onRetry={() => void listing.refetch()}
          />
        ) : transfers.length === 0 ? (
          <EmptyState
            icon="link"
            title={intl.formatMessage({ id: 'transfers.list.emptyTitle', defaultMessage: 'No transfers yet' })}
            action={
              <Link to="/transfers/new" className="link">
                <FormattedMessage id="transfers.list.emptyAction" defaultMessage="Send files" />
              </Link>
            }
          >
            <FormattedMessage
              id="transfers.list.emptyText"
              defaultMessage="Choose files, get a link, and see here when they are downloaded."
            />
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
              <FormattedMessage id="transfers.list.loadMore" defaultMessage="Load more" />
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
        className="flex w-full items-center gap-4 px-4 py-3 text-start hover:bg-zinc-50 sm:px-5 dark:hover:bg-zinc-800/50"
      >
        <Icon name={open ? 'chevronDown' : 'chevronRight'} className="size-4 shrink-0 muted rtl:-scale-x-100" />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">{transfer.title}</span>
          <span className="block truncate text-sm muted">
            {transfer.recipients.length > 0 ? (
              <FormattedMessage
                id="transfers.row.summaryTo"
                defaultMessage="{count, plural, one {# file} other {# files}} · {size} · to {recipients}"
                values={{
                  count: transfer.files.length,
                  size: formatBytes(transfer.total_size),
                  recipients: <bdi>{transfer.recipients.join(', ')}</bdi>,
                }}
              />
            ) : (
              <FormattedMessage
                id="transfers.row.summary"
                defaultMessage="{count, plural, one {# file} other {# files}} · {size}"
                values={{ count: transfer.files.length, size: formatBytes(transfer.total_size) }}
              />
            )}
          </span>
        </span>
        <span className="hidden text-sm muted tabular-nums sm:block">
          <FormattedMessage
            id="transfers.row.downloads"
            defaultMessage="{count, plural, one {# download} other {# downloads}}"
            values={{ count: downloads }}
          />
        </span>
        <span className="hidden w-36 text-end text-sm muted md:block">
          {status === 'active' ? (
            <FormattedMessage
              id="transfers.row.ends"
              defaultMessage="ends {when}"
              values={{ when: formatRelative(transfer.expires_at) }}
            />
          ) : (
            formatRelative(transfer.created_at)
          )}
        </span>
        <StatusBadge status={status} />
      </button>
      {open && <TransferDetail transfer={transfer} />}
    </li>
  )
}

function TransferDetail({ transfer }: { transfer: Transfer }) {
  const intl = useIntl()
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
        <section aria-label={intl.formatMessage({ id: 'transfers.detail.files', defaultMessage: 'Files' })}>
          <h3 className="mb-2 text-sm font-semibold">
            <FormattedMessage id="transfers.detail.files" defaultMessage="Files" />
          </h3>
          <ul className="space-y-2">
            {transfer.files.map((f) => (
              <li key={f.id} className="flex items-center gap-3 text-sm">
                <FileIcon name={f.name} contentType={f.content_type} />
                <span className="min-w-0 flex-1 truncate">{f.name}</span>
                {!f.available && (
                  <Badge tone="red">
                    <FormattedMessage id="transfers.detail.deleted" defaultMessage="Deleted" />
                  </Badge>
                )}
                <span className="muted tabular-nums">{formatBytes(f.size)}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={intl.formatMessage({ id: 'transfers.detail.links', defaultMessage: 'Links' })}>
          <h3 className="mb-2 text-sm font-semibold">
            <FormattedMessage id="transfers.detail.links" defaultMessage="Links" />
          </h3>
          <ul className="space-y-1.5 text-sm">
            {transfer.shares.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2">
                <StatusBadge status={s.status} />
                <span>{downloadsSummary(intl, s.downloads, s.max_downloads)}</span>
                {s.password_required && (
                  <Badge>
                    <FormattedMessage id="transfers.detail.password" defaultMessage="Password" />
                  </Badge>
                )}
                {s.require_email_verification && (
                  <Badge>
                    <FormattedMessage id="transfers.detail.emailCode" defaultMessage="Email code" />
                  </Badge>
                )}
                <span className="muted">
                  <FormattedMessage
                    id="transfers.detail.until"
                    defaultMessage="until {when}"
                    values={{ when: formatDateTime(s.expires_at) }}
                  />
                </span>
                {(s.status === 'active' || s.status === 'exhausted') && transfer.shares.length > 1 && (
                  <Button
                    size="sm"
                    variant="danger-ghost"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => revokeLink(transfer.id, s.id),
                        intl.formatMessage({ id: 'transfers.detail.linkRevoked', defaultMessage: 'Link revoked' }),
                      )
                    }
                  >
                    <FormattedMessage id="transfers.detail.revokeLink" defaultMessage="Revoke link" />
                  </Button>
                )}
                {(s.status === 'active' || s.status === 'exhausted') && (
                  <LinkPreviewsSwitch
                    link={s}
                    e2e={Boolean(transfer.e2e)}
                    busy={busy}
                    onChange={(on) =>
                      void run(
                        () => updateLinkPreviews(transfer.id, s.id, on),
                        on
                          ? intl.formatMessage({ id: 'transfers.detail.previewsOn', defaultMessage: 'Previews shown' })
                          : intl.formatMessage({
                              id: 'transfers.detail.previewsOff',
                              defaultMessage: 'Previews hidden',
                            }),
                      )
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
        {transfer.recipients.length > 0 && (
          <section aria-label={intl.formatMessage({ id: 'transfers.detail.recipients', defaultMessage: 'Recipients' })}>
            <h3 className="mb-2 text-sm font-semibold">
              <FormattedMessage id="transfers.detail.recipients" defaultMessage="Recipients" />
            </h3>
            {recipients.isPending ? (
              <Spinner className="size-4" />
            ) : recipients.isError ? (
              <InlineError error={recipients.error} />
            ) : (
              <ul className="space-y-1.5 text-sm">
                {(recipients.data?.items ?? []).map((r) => (
                  <li key={r.email} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium" dir="ltr">
                      {r.email}
                    </span>
                    {r.downloaded_at ? (
                      <Badge tone="green">
                        <FormattedMessage
                          id="transfers.detail.downloaded"
                          defaultMessage="Downloaded {when}"
                          values={{ when: formatRelative(r.downloaded_at) }}
                        />
                      </Badge>
                    ) : r.verified_at ? (
                      <Badge tone="accent">
                        <FormattedMessage id="transfers.detail.verified" defaultMessage="Verified" />
                      </Badge>
                    ) : r.notified_at ? (
                      <Badge>
                        <FormattedMessage id="transfers.detail.emailed" defaultMessage="Emailed" />
                      </Badge>
                    ) : (
                      <Badge>
                        <FormattedMessage id="transfers.detail.notEmailed" defaultMessage="Not emailed" />
                      </Badge>
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
            {transfer.status === 'expired' ? (
              <FormattedMessage id="transfers.detail.reopen" defaultMessage="Reopen" />
            ) : (
              <FormattedMessage id="transfers.detail.extend" defaultMessage="Extend" />
            )}
          </Button>
          {transfer.status === 'active' && (
            <Button size="sm" icon="userPlus" onClick={() => setSharing(true)}>
              <FormattedMessage id="transfers.detail.share" defaultMessage="Share with people" />
            </Button>
          )}
          {transfer.status !== 'revoked' && (
            <Button size="sm" variant="danger-secondary" icon="ban" onClick={() => setRevoking(true)}>
              <FormattedMessage id="transfers.detail.revoke" defaultMessage="Revoke" />
            </Button>
          )}
        </div>
      </div>
      <section aria-label={intl.formatMessage({ id: 'transfers.detail.activity', defaultMessage: 'Activity' })}>
        <h3 className="mb-2 text-sm font-semibold">
          <FormattedMessage id="transfers.detail.activity" defaultMessage="Activity" />
        </h3>
        {activity.isPending ? (
          <Spinner className="size-4" />
        ) : activity.isError ? (
          <InlineError error={activity.error} />
        ) : (activity.data?.items ?? []).length === 0 ? (
          <p className="text-sm muted">
            <FormattedMessage id="transfers.detail.noDownloads" defaultMessage="No downloads yet." />
          </p>
        ) : (
          <ol className="relative space-y-3 border-s border-zinc-200 ps-4 dark:border-zinc-700">
            {(activity.data?.items ?? []).map((a) => (
              <li key={a.id} className="text-sm">
                <span className="absolute -start-1 mt-2 size-2 rounded-full bg-accent-500" aria-hidden="true" />
                <p className="font-medium">
                  <FormattedMessage
                    id="transfers.detail.activityItem"
                    defaultMessage="{kind, select, zip {All files (ZIP)} unnamed {A file} other {{name}}} · {size}{incomplete, select, yes { · incomplete} other {}}"
                    values={{
                      kind: a.kind === 'zip' ? 'zip' : a.file_name ? 'file' : 'unnamed',
                      name: <bdi>{a.file_name}</bdi>,
                      size: formatBytes(a.bytes),
                      incomplete: !a.completed && a.finished_at ? 'yes' : 'no',
                    }}
                  />
                </p>
                <p className="muted">{[formatDateTime(a.started_at), a.email, a.ip].filter(Boolean).join(' · ')}</p>
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
        title={intl.formatMessage({ id: 'transfers.revoke.title', defaultMessage: 'Revoke this transfer?' })}
        confirmLabel={intl.formatMessage({ id: 'transfers.revoke.confirm', defaultMessage: 'Revoke' })}
        danger
        busy={busy}
        onClose={() => setRevoking(false)}
        onConfirm={() =>
          void run(
            () => revokeTransfer(transfer.id),
            intl.formatMessage(
              { id: 'transfers.revoke.done', defaultMessage: 'Revoked {title}' },
              { title: transfer.title },
            ),
          )
        }
      >
        {transfer.delete_files_on_expiry ? (
          <FormattedMessage
            id="transfers.revoke.deletesFiles"
            defaultMessage="Its links stop working at once. Its files are deleted."
          />
        ) : (
          <FormattedMessage
            id="transfers.revoke.keepsFiles"
            defaultMessage="Its links stop working at once. The files stay in your library."
          />
        )}
      </ConfirmDialog>
      <Dialog
        open={extending}
        onClose={() => setExtending(false)}
        title={intl.formatMessage({ id: 'transfers.extend.title', defaultMessage: 'Extend this transfer' })}
        size="sm"
        footer={
          <>
            <Button onClick={() => setExtending(false)}>
              <FormattedMessage id="transfers.extend.cancel" defaultMessage="Cancel" />
            </Button>
            <Button
              variant="primary"
              busy={busy}
              onClick={() =>
                void run(
                  () => updateTransfer(transfer.id, { expires_at: expiryFromDays(Number(days)) }),
                  intl.formatMessage({ id: 'transfers.extend.done', defaultMessage: 'Expiry updated' }),
                )
              }
            >
              <FormattedMessage id="transfers.extend.save" defaultMessage="Save" />
            </Button>
          </>
        }
      >
        <SelectField
          label={intl.formatMessage({ id: 'transfers.extend.expiresIn', defaultMessage: 'Expires in' })}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          options={EXPIRY_DAYS.map((d) => ({
            value: d,
            label: intl.formatMessage(
              {
                id: 'transfers.extend.days',
                defaultMessage: '{days, plural, one {# day from now} other {# days from now}}',
              },
              { days: Number(d) },
            ),
          }))}
        />
      </Dialog>
    </div>
  )
}
