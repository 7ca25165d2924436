import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { deleteForever, emptyTrash, listTrash, restoreTrashed, type TrashedFile } from '../api/trash'
import { formatBytes, formatDateTime } from '../lib/format'
import { Button, IconButton } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

const DAY = 86_400_000

/** Whole days until the sweep purges the file; 0 on its last day. */
export function daysLeft(purgeAt: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((Date.parse(purgeAt) - now) / DAY))
}

type Confirming = { kind: 'forever'; file: TrashedFile } | { kind: 'empty' }

/** Deleted files until the trash retention purges them: restore, delete forever, or empty all. */
export function TrashPage() {
  const intl = useIntl()
  const toast = useToast()
  const queries = useQueryClient()
  const [confirming, setConfirming] = useState<Confirming | null>(null)
  const [busy, setBusy] = useState(false)
  const trash = useInfiniteQuery({
    queryKey: ['files', 'trash'],
    queryFn: ({ pageParam }) => listTrash(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  })
  const items = trash.data?.pages.flatMap((p) => p.items) ?? []

  const act = async (action: () => Promise<string>) => {
    setBusy(true)
    try {
      toast.show(await action())
      setConfirming(null)
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setBusy(false)
      await queries.invalidateQueries({ queryKey: ['files'] })
    }
  }

  const restore = (file: TrashedFile) =>
    act(async () => {
      const restored = await restoreTrashed(file.id)
      return intl.formatMessage(
        { id: 'files.trash.restored', defaultMessage: 'Restored {name} to {folder}' },
        { name: restored.name, folder: restored.folder },
      )
    })

  const confirm = () => {
    if (!confirming) return
    if (confirming.kind === 'empty')
      void act(async () => {
        const { purged } = await emptyTrash()
        return intl.formatMessage(
          {
            id: 'files.trash.emptied',
            defaultMessage: '{count, plural, one {Deleted # file forever} other {Deleted # files forever}}',
          },
          { count: purged },
        )
      })
    else
      void act(async () => {
        await deleteForever(confirming.file.id)
        return intl.formatMessage(
          { id: 'files.trash.deletedForever', defaultMessage: 'Deleted {name} forever' },
          { name: confirming.file.name },
        )
      })
  }

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'files.trash.title', defaultMessage: 'Trash' })}
        description={
          <FormattedMessage
            id="files.trash.description"
            defaultMessage="Deleted files stay here until their days run out. Restore puts a file back where it was."
          />
        }
        actions={
          <Button
            variant="danger"
            icon="trash"
            disabled={items.length === 0}
            onClick={() => setConfirming({ kind: 'empty' })}
          >
            <FormattedMessage id="files.trash.empty" defaultMessage="Empty trash" />
          </Button>
        }
      />
      <div className="card overflow-hidden">
        {trash.isPending ? (
          <PageSpinner label={intl.formatMessage({ id: 'files.trash.loading', defaultMessage: 'Loading the trash' })} />
        ) : trash.isError ? (
          <ErrorNotice
            error={trash.error}
            title={intl.formatMessage({ id: 'files.trash.loadError', defaultMessage: 'Could not load the trash' })}
            onRetry={() => void trash.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon="trash"
            title={intl.formatMessage({ id: 'files.trash.emptyTitle', defaultMessage: 'The trash is empty' })}
          >
            <FormattedMessage
              id="files.trash.emptyBody"
              defaultMessage="Files you delete wait here for a while before they are gone for good."
            />
          </EmptyState>
        ) : (
          <ul
            className="divide-y divide-zinc-100 dark:divide-zinc-800/80"
            aria-label={intl.formatMessage({ id: 'files.trash.list', defaultMessage: 'Deleted files' })}
          >
            {items.map((file) => (
              <li key={file.id} className="flex items-center gap-3 px-4 py-2.5 sm:px-5">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium" title={file.path}>
                    {file.name}
                  </p>
                  <p className="truncate text-[13px] muted">
                    <FormattedMessage
                      id="files.trash.detail"
                      defaultMessage="{size} · {folder} · {days, plural, =0 {purged today} one {# day left} other {# days left}}"
                      values={{
                        size: formatBytes(file.size),
                        folder: <bdi>{file.folder}</bdi>,
                        days: daysLeft(file.purge_at),
                      }}
                    />
                  </p>
                  <p className="sr-only">{formatDateTime(file.purge_at)}</p>
                </div>
                <Button
                  size="sm"
                  icon="refresh"
                  disabled={busy}
                  onClick={() => void restore(file)}
                  aria-label={intl.formatMessage(
                    { id: 'files.trash.restoreFile', defaultMessage: 'Restore {name}' },
                    { name: file.name },
                  )}
                >
                  <span className="max-sm:hidden">
                    <FormattedMessage id="files.trash.restore" defaultMessage="Restore" />
                  </span>
                </Button>
                <IconButton
                  icon="x"
                  variant="danger-ghost"
                  label={intl.formatMessage(
                    { id: 'files.trash.deleteFile', defaultMessage: 'Delete {name} forever' },
                    { name: file.name },
                  )}
                  onClick={() => setConfirming({ kind: 'forever', file })}
                />
              </li>
            ))}
          </ul>
        )}
        {trash.hasNextPage && (
          <div className="flex justify-center border-t border-zinc-200/80 p-3 dark:border-zinc-800">
            <Button variant="ghost" busy={trash.isFetchingNextPage} onClick={() => void trash.fetchNextPage()}>
              <FormattedMessage id="files.trash.loadMore" defaultMessage="Load more" />
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        danger
        busy={busy}
        title={
          confirming?.kind === 'empty'
            ? intl.formatMessage({ id: 'files.trash.confirmEmptyTitle', defaultMessage: 'Empty the trash?' })
            : intl.formatMessage({ id: 'files.trash.confirmForeverTitle', defaultMessage: 'Delete forever?' })
        }
        confirmLabel={
          confirming?.kind === 'empty'
            ? intl.formatMessage({ id: 'files.trash.confirmEmpty', defaultMessage: 'Empty trash' })
            : intl.formatMessage({ id: 'files.trash.confirmForever', defaultMessage: 'Delete forever' })
        }
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      >
        {confirming?.kind === 'forever' ? (
          <FormattedMessage
            id="files.trash.confirmForeverBody"
            defaultMessage="{name} and its versions are erased. This cannot be undone."
            values={{ name: <bdi>{confirming.file.name}</bdi> }}
          />
        ) : (
          <FormattedMessage
            id="files.trash.confirmEmptyBody"
            defaultMessage="Every file in the trash is erased with its versions. This cannot be undone."
          />
        )}
      </ConfirmDialog>
    </>
  )
}
