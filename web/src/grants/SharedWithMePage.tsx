import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { downloadShared, sharedWithMe, type SharedFile, type SharedItem } from '../api/grants'
import { FileIcon } from '../files/FileIcon'
import { formatBytes, formatDateTime, formatRelative } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button, IconButton } from '../ui/Button'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { SelectField, TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { permissionText } from './permissions'

type Kind = '' | 'file' | 'transfer'

const kinds = defineMessages({
  all: { id: 'grants.shared.kindAll', defaultMessage: 'Everything' },
  file: { id: 'grants.shared.kindFile', defaultMessage: 'Files' },
  transfer: { id: 'grants.shared.kindTransfer', defaultMessage: 'Transfers' },
})

/** Matches the name, the sender, or any file of a transfer, ignoring case. */
export function matches(item: SharedItem, text: string, kind: Kind): boolean {
  if (kind && item.type !== kind) return false
  const needle = text.trim().toLowerCase()
  if (!needle) return true
  const haystack = [item.name, item.owner_name ?? '', ...(item.files ?? []).map((f) => f.name)]
  return haystack.some((value) => value.toLowerCase().includes(needle))
}

export function SharedWithMePage() {
  const intl = useIntl()
  const items = useQuery({ queryKey: ['shared-with-me'], queryFn: sharedWithMe })
  const [text, setText] = useState('')
  const [kind, setKind] = useState<Kind>('')
  const all = useMemo(() => items.data ?? [], [items.data])
  const shown = useMemo(() => all.filter((item) => matches(item, text, kind)), [all, text, kind])

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'grants.shared.title', defaultMessage: 'Shared with me' })}
        description={intl.formatMessage({
          id: 'grants.shared.description',
          defaultMessage: 'Files and transfers that other people on this server shared with you or your groups.',
        })}
      />
      {all.length > 0 && (
        <div className="mb-4 flex items-end gap-3">
          <TextField
            label={intl.formatMessage({ id: 'grants.shared.search', defaultMessage: 'Search' })}
            type="search"
            className="min-w-0 flex-1"
            placeholder={intl.formatMessage({
              id: 'grants.shared.searchPlaceholder',
              defaultMessage: 'Name or sender',
            })}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <SelectField
            label={intl.formatMessage({ id: 'grants.shared.show', defaultMessage: 'Show' })}
            className="w-36 sm:w-48"
            options={[
              { value: '', label: intl.formatMessage(kinds.all) },
              { value: 'file', label: intl.formatMessage(kinds.file) },
              { value: 'transfer', label: intl.formatMessage(kinds.transfer) },
            ]}
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          />
        </div>
      )}
      <div className="card overflow-hidden">
        {items.isPending ? (
          <PageSpinner
            label={intl.formatMessage({
              id: 'grants.shared.loading',
              defaultMessage: 'Loading what was shared with you',
            })}
          />
        ) : items.isError ? (
          <ErrorNotice
            error={items.error}
            title={intl.formatMessage({
              id: 'grants.shared.loadFailed',
              defaultMessage: 'Could not load what was shared with you',
            })}
            onRetry={() => void items.refetch()}
          />
        ) : all.length === 0 ? (
          <EmptyState
            icon="inbox"
            title={intl.formatMessage({
              id: 'grants.shared.emptyTitle',
              defaultMessage: 'Nothing shared with you yet',
            })}
          >
            <FormattedMessage
              id="grants.shared.emptyText"
              defaultMessage="When someone on this server shares a file or a transfer with you, or with a group you belong to, it appears here with who shared it and what you may do with it."
            />
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState
            icon="search"
            title={intl.formatMessage({ id: 'grants.shared.noMatchTitle', defaultMessage: 'No matches' })}
            compact
            action={
              <Button
                onClick={() => {
                  setText('')
                  setKind('')
                }}
              >
                <FormattedMessage id="grants.shared.clear" defaultMessage="Clear search" />
              </Button>
            }
          >
            <FormattedMessage
              id="grants.shared.noMatchText"
              defaultMessage="Nothing shared with you matches this search."
            />
          </EmptyState>
        ) : (
          <ul
            className="divide-y divide-zinc-200/80 dark:divide-zinc-800"
            aria-label={intl.formatMessage({ id: 'grants.shared.title', defaultMessage: 'Shared with me' })}
          >
            {shown.map((item) => (
              <SharedRow key={`${item.type}:${item.id}`} item={item} />
            ))}
          </ul>
        )}
      </div>
    </>
  )
}

function useDownload() {
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)
  const download = async (file: Pick<SharedFile, 'id' | 'name'>) => {
    setBusy(file.id)
    try {
      await downloadShared(file)
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setBusy(null)
    }
  }
  return { busy, download }
}

function TransferIcon() {
  return (
    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-accent-50 text-accent-600 dark:bg-accent-950/70 dark:text-accent-300">
      <Icon name="link" className="size-[18px]" />
    </span>
  )
}

function SharedRow({ item }: { item: SharedItem }) {
  const intl = useIntl()
  const [open, setOpen] = useState(false)
  const { busy, download } = useDownload()
  const mayDownload = item.permission !== 'view'
  const files = item.files ?? []
  return (
    <li>
      <div className="flex items-center gap-3 px-4 py-3 sm:px-5">
        {item.type === 'file' ? <FileIcon name={item.name} contentType={item.content_type} /> : <TransferIcon />}
        <div className="min-w-0 flex-1">
          <p className="flex min-w-0 items-center gap-2">
            <span className="truncate font-medium" title={item.name}>
              {item.name}
            </span>
            {item.type === 'transfer' && (
              <Badge className="max-sm:hidden">
                <FormattedMessage id="grants.shared.transferBadge" defaultMessage="Transfer" />
              </Badge>
            )}
          </p>
          <p className="truncate text-[13px] muted">
            <FormattedMessage
              id="grants.shared.summary"
              defaultMessage="{type, select, transfer {{count, plural, one {# file} other {# files}}, } other {}}{size} · {from} · {when}{until, select, none {} other { · until {until}}}"
              values={{
                type: item.type,
                count: files.length,
                size: formatBytes(item.size),
                from: (
                  <span title={item.owner_name ?? undefined}>
                    {item.owner_name ? (
                      <FormattedMessage
                        id="grants.shared.from"
                        defaultMessage="from {name}"
                        values={{ name: <bdi>{item.owner_name}</bdi> }}
                      />
                    ) : (
                      <FormattedMessage id="grants.shared.fromRemoved" defaultMessage="from a removed account" />
                    )}
                  </span>
                ),
                when: <span title={formatDateTime(item.granted_at)}>{formatRelative(item.granted_at)}</span>,
                until: item.expires_at ? formatDateTime(item.expires_at) : 'none',
              }}
            />
          </p>
        </div>
        <Badge tone={mayDownload ? 'accent' : 'neutral'} className="max-sm:hidden">
          {permissionText(intl, item.permission, 'Label')}
        </Badge>
        {item.type === 'file' ? (
          mayDownload ? (
            <Button
              size="sm"
              icon="download"
              busy={busy === item.id}
              aria-label={intl.formatMessage(
                { id: 'grants.shared.downloadName', defaultMessage: 'Download {name}' },
                { name: item.name },
              )}
              onClick={() => void download(item)}
            >
              <span className="max-sm:hidden">
                <FormattedMessage id="grants.shared.download" defaultMessage="Download" />
              </span>
            </Button>
          ) : (
            <Badge className="sm:hidden">
              <FormattedMessage id="grants.shared.viewOnly" defaultMessage="View only" />
            </Badge>
          )
        ) : (
          <IconButton
            icon={open ? 'chevronDown' : 'chevronRight'}
            className="rtl:-scale-x-100"
            label={
              open
                ? intl.formatMessage(
                    { id: 'grants.shared.hideFiles', defaultMessage: 'Hide files of {name}' },
                    { name: item.name },
                  )
                : intl.formatMessage(
                    { id: 'grants.shared.showFiles', defaultMessage: 'Show files of {name}' },
                    { name: item.name },
                  )
            }
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          />
        )}
      </div>
      {open && (
        <ul
          className="space-y-1 border-t border-zinc-200/80 bg-zinc-50/60 px-4 py-2 sm:ps-17 dark:border-zinc-800 dark:bg-zinc-900/40"
          aria-label={intl.formatMessage(
            { id: 'grants.shared.filesOf', defaultMessage: 'Files of {name}' },
            { name: item.name },
          )}
        >
          {files.length === 0 && (
            <li className="py-2 text-sm muted">
              <FormattedMessage
                id="grants.shared.filesGone"
                defaultMessage="The files of this transfer are no longer available."
              />
            </li>
          )}
          {files.map((f) => (
            <li key={f.id} className="flex items-center gap-3 py-1.5 text-sm">
              <FileIcon name={f.name} contentType={f.content_type} />
              <span className="min-w-0 flex-1 truncate" title={f.name}>
                {f.name}
              </span>
              <span className="muted tabular-nums max-sm:hidden">{formatBytes(f.size)}</span>
              {mayDownload && (
                <IconButton
                  icon="download"
                  label={intl.formatMessage(
                    { id: 'grants.shared.downloadName', defaultMessage: 'Download {name}' },
                    { name: f.name },
                  )}
                  disabled={busy === f.id}
                  onClick={() => void download(f)}
                />
              )}
            </li>
          ))}
          {!mayDownload && (
            <li className="py-1 text-xs muted">
              <FormattedMessage
                id="grants.shared.viewOnlyFiles"
                defaultMessage="You may see these files but not download them."
              />
            </li>
          )}
        </ul>
      )}
    </li>
  )
}
