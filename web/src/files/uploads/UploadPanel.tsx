import { defineMessages, FormattedMessage, useIntl, type IntlShape, type NoMessageValues } from 'react-intl'
import { useRef, useState } from 'react'
import { formatBytes, formatEta, formatSpeed, percent } from '../../lib/format'
import { Button, IconButton } from '../../ui/Button'
import { Icon } from '../../ui/Icon'
import { ProgressBar } from './ProgressBar'
import { uploader, type UploadItem } from './uploader'
import { useTraySpace } from './useTraySpace'
import { useUploads } from './useUploads'

type Sizes = { done: string; total: string }
const messages = defineMessages<{
  done: { size: string }
  failed: NoMessageValues
  paused: Sizes
  queued: { size: string }
  uploading: Sizes & { speed: string; eta: string }
  uploaded: NoMessageValues
}>({
  done: { id: 'files.uploads.itemDone', defaultMessage: '{size} · Uploaded' },
  failed: { id: 'files.uploads.itemFailed', defaultMessage: 'Upload failed' },
  paused: { id: 'files.uploads.itemPaused', defaultMessage: '{done} of {total} · Paused' },
  queued: { id: 'files.uploads.itemQueued', defaultMessage: '{size} · Waiting' },
  uploading: { id: 'files.uploads.itemUploading', defaultMessage: '{done} of {total} · {speed} · {eta} left' },
  uploaded: { id: 'files.uploads.uploaded', defaultMessage: 'Uploaded' },
})

function statusLine(item: UploadItem, intl: IntlShape): string {
  const done = formatBytes(item.bytesUploaded)
  const total = formatBytes(item.size)
  switch (item.status) {
    case 'done':
      return intl.formatMessage(messages.done, { size: total })
    case 'error':
      return item.error ?? intl.formatMessage(messages.failed)
    case 'paused':
      return intl.formatMessage(messages.paused, { done, total })
    case 'queued':
      return intl.formatMessage(messages.queued, { size: total })
    default:
      return intl.formatMessage(messages.uploading, {
        done,
        total,
        speed: formatSpeed(item.bytesPerSecond),
        eta: formatEta(item.etaSeconds),
      })
  }
}

function UploadRow({ item }: { item: UploadItem }) {
  const u = uploader()
  const intl = useIntl()
  const status = statusLine(item, intl)
  const value = percent(item.bytesUploaded, item.size)
  const tone =
    item.status === 'done' ? 'green' : item.status === 'error' ? 'red' : item.status === 'paused' ? 'muted' : 'accent'
  return (
    <li className="px-4 py-3" data-upload-status={item.status}>
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" title={item.name}>
            {item.name}
          </p>
          <p
            className={`mt-0.5 truncate text-xs tabular-nums ${item.status === 'error' ? 'text-red-600 dark:text-red-400' : 'muted'}`}
            title={status}
          >
            {status}
          </p>
        </div>
        <div className="-mt-1 -me-2 flex shrink-0">
          {(item.status === 'uploading' || item.status === 'queued') && (
            <IconButton
              icon="pause"
              label={intl.formatMessage(
                { id: 'files.uploads.pause', defaultMessage: 'Pause {name}' },
                { name: item.name },
              )}
              onClick={() => u.pauseResume(item.id)}
              className="size-8"
            />
          )}
          {item.status === 'paused' && (
            <IconButton
              icon="play"
              label={intl.formatMessage(
                { id: 'files.uploads.resume', defaultMessage: 'Resume {name}' },
                { name: item.name },
              )}
              onClick={() => u.pauseResume(item.id)}
              className="size-8"
            />
          )}
          {item.status === 'error' && (
            <IconButton
              icon="refresh"
              label={intl.formatMessage(
                { id: 'files.uploads.retry', defaultMessage: 'Retry {name}' },
                { name: item.name },
              )}
              onClick={() => u.retry(item.id)}
              className="size-8"
            />
          )}
          {item.status === 'done' ? (
            <span
              role="img"
              aria-label={intl.formatMessage(messages.uploaded)}
              className="flex size-8 items-center justify-center text-emerald-600 dark:text-emerald-400"
            >
              <Icon name="check" className="size-[18px]" />
            </span>
          ) : (
            <IconButton
              icon="x"
              label={intl.formatMessage(
                { id: 'files.uploads.cancel', defaultMessage: 'Cancel {name}' },
                { name: item.name },
              )}
              onClick={() => u.remove(item.id)}
              className="size-8"
            />
          )}
        </div>
      </div>
      {item.status !== 'done' && (
        <div className="mt-2">
          <ProgressBar
            value={value}
            label={intl.formatMessage(
              { id: 'files.uploads.itemProgress', defaultMessage: '{name} upload progress' },
              { name: item.name },
            )}
            tone={tone}
          />
        </div>
      )}
    </li>
  )
}

/** The floating transfer tray: total progress, speed and time left, and per-file controls. */
export function UploadPanel() {
  const snapshot = useUploads()
  const [collapsed, setCollapsed] = useState(false)
  const intl = useIntl()
  const tray = useRef<HTMLElement>(null)
  useTraySpace(tray, snapshot.items.length > 0)
  if (snapshot.items.length === 0) return null

  const u = uploader()
  const done = snapshot.items.filter((i) => i.status === 'done').length
  const total = snapshot.items.length
  const finished =
    !snapshot.active && !snapshot.allPaused && snapshot.items.every((i) => i.status === 'done' || i.status === 'error')
  const title = finished
    ? intl.formatMessage(
        {
          id: 'files.uploads.complete',
          defaultMessage: '{total, plural, one {{done} of # upload complete} other {{done} of # uploads complete}}',
        },
        { done, total },
      )
    : intl.formatMessage(
        {
          id: 'files.uploads.uploading',
          defaultMessage:
            '{total, plural, one {Uploading {remaining} of # file} other {Uploading {remaining} of # files}}',
        },
        { remaining: total - done, total },
      )
  const value = percent(snapshot.uploadedBytes, snapshot.totalBytes)

  return (
    <section
      ref={tray}
      aria-label={intl.formatMessage({ id: 'files.uploads.region', defaultMessage: 'Uploads' })}
      className="fixed inset-x-3 bottom-3 z-40 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-2xl sm:inset-x-auto sm:right-6 sm:bottom-6 sm:w-[400px] dark:border-zinc-700 dark:bg-zinc-900"
    >
      <div className="border-b border-zinc-200/80 px-4 py-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <div className="min-w-0 flex-1">
            <h2 className="truncate text-sm font-semibold">{title}</h2>
            <p className="text-xs tabular-nums muted" aria-live="off">
              {finished
                ? formatBytes(snapshot.totalBytes)
                : snapshot.allPaused
                  ? intl.formatMessage(
                      { id: 'files.uploads.allPaused', defaultMessage: 'Paused · {done} of {total}' },
                      { done: formatBytes(snapshot.uploadedBytes), total: formatBytes(snapshot.totalBytes) },
                    )
                  : intl.formatMessage(
                      { id: 'files.uploads.totalProgress', defaultMessage: '{percent}% · {speed} · {eta} left' },
                      {
                        percent: value,
                        speed: formatSpeed(snapshot.bytesPerSecond),
                        eta: formatEta(snapshot.etaSeconds),
                      },
                    )}
            </p>
          </div>
          {!finished &&
            (snapshot.allPaused ? (
              <IconButton
                icon="play"
                label={intl.formatMessage({ id: 'files.uploads.resumeAll', defaultMessage: 'Resume all' })}
                onClick={() => u.resumeAll()}
              />
            ) : (
              <IconButton
                icon="pause"
                label={intl.formatMessage({ id: 'files.uploads.pauseAll', defaultMessage: 'Pause all' })}
                onClick={() => u.pauseAll()}
              />
            ))}
          <IconButton
            icon="chevronDown"
            label={
              collapsed
                ? intl.formatMessage({ id: 'files.uploads.show', defaultMessage: 'Show uploads' })
                : intl.formatMessage({ id: 'files.uploads.hide', defaultMessage: 'Hide uploads' })
            }
            aria-expanded={!collapsed}
            className={collapsed ? 'rotate-180' : ''}
            onClick={() => setCollapsed((c) => !c)}
          />
          {finished ? (
            <IconButton
              icon="x"
              label={intl.formatMessage({ id: 'files.uploads.close', defaultMessage: 'Close uploads' })}
              onClick={() => u.clearFinished()}
            />
          ) : null}
        </div>
        {!finished && (
          <div className="mt-2.5">
            <ProgressBar
              value={value}
              label={intl.formatMessage({ id: 'files.uploads.totalLabel', defaultMessage: 'Total upload progress' })}
              tone={snapshot.allPaused ? 'muted' : 'accent'}
            />
          </div>
        )}
      </div>
      {!collapsed && (
        <>
          <ul className="max-h-72 divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
            {snapshot.items.map((item) => (
              <UploadRow key={item.id} item={item} />
            ))}
          </ul>
          {!finished && (
            <div className="flex justify-end border-t border-zinc-200/80 px-3 py-2 dark:border-zinc-800">
              <Button size="sm" variant="danger-ghost" onClick={() => u.cancelAll()}>
                <FormattedMessage id="files.uploads.cancelAll" defaultMessage="Cancel all" />
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  )
}
