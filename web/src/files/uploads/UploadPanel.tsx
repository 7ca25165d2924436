import { useRef, useState } from 'react'
import { formatBytes, formatEta, formatSpeed, percent } from '../../lib/format'
import { Button, IconButton } from '../../ui/Button'
import { Icon } from '../../ui/Icon'
import { ProgressBar } from './ProgressBar'
import { uploader, type UploadItem } from './uploader'
import { useTraySpace } from './useTraySpace'
import { useUploads } from './useUploads'

function statusLine(item: UploadItem): string {
  switch (item.status) {
    case 'done':
      return `${formatBytes(item.size)} · Uploaded`
    case 'error':
      return item.error ?? 'Upload failed'
    case 'paused':
      return `${formatBytes(item.bytesUploaded)} of ${formatBytes(item.size)} · Paused`
    case 'queued':
      return `${formatBytes(item.size)} · Waiting`
    default:
      return `${formatBytes(item.bytesUploaded)} of ${formatBytes(item.size)} · ${formatSpeed(item.bytesPerSecond)} · ${formatEta(item.etaSeconds)} left`
  }
}

function UploadRow({ item }: { item: UploadItem }) {
  const u = uploader()
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
            title={statusLine(item)}
          >
            {statusLine(item)}
          </p>
        </div>
        <div className="-mt-1 -mr-2 flex shrink-0">
          {(item.status === 'uploading' || item.status === 'queued') && (
            <IconButton
              icon="pause"
              label={`Pause ${item.name}`}
              onClick={() => u.pauseResume(item.id)}
              className="size-8"
            />
          )}
          {item.status === 'paused' && (
            <IconButton
              icon="play"
              label={`Resume ${item.name}`}
              onClick={() => u.pauseResume(item.id)}
              className="size-8"
            />
          )}
          {item.status === 'error' && (
            <IconButton
              icon="refresh"
              label={`Retry ${item.name}`}
              onClick={() => u.retry(item.id)}
              className="size-8"
            />
          )}
          {item.status === 'done' ? (
            <span
              role="img"
              aria-label="Uploaded"
              className="flex size-8 items-center justify-center text-emerald-600 dark:text-emerald-400"
            >
              <Icon name="check" className="size-[18px]" />
            </span>
          ) : (
            <IconButton icon="x" label={`Cancel ${item.name}`} onClick={() => u.remove(item.id)} className="size-8" />
          )}
        </div>
      </div>
      {item.status !== 'done' && (
        <div className="mt-2">
          <ProgressBar value={value} label={`${item.name} upload progress`} tone={tone} />
        </div>
      )}
    </li>
  )
}

/** The floating transfer tray: total progress, speed and time left, and per-file controls. */
export function UploadPanel() {
  const snapshot = useUploads()
  const [collapsed, setCollapsed] = useState(false)
  const tray = useRef<HTMLElement>(null)
  useTraySpace(tray, snapshot.items.length > 0)
  if (snapshot.items.length === 0) return null

  const u = uploader()
  const done = snapshot.items.filter((i) => i.status === 'done').length
  const total = snapshot.items.length
  const finished =
    !snapshot.active && !snapshot.allPaused && snapshot.items.every((i) => i.status === 'done' || i.status === 'error')
  const title = finished
    ? `${done} of ${total} ${total === 1 ? 'upload' : 'uploads'} complete`
    : `Uploading ${total - done} of ${total} ${total === 1 ? 'file' : 'files'}`
  const value = percent(snapshot.uploadedBytes, snapshot.totalBytes)

  return (
    <section
      ref={tray}
      aria-label="Uploads"
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
                  ? `Paused · ${formatBytes(snapshot.uploadedBytes)} of ${formatBytes(snapshot.totalBytes)}`
                  : `${value}% · ${formatSpeed(snapshot.bytesPerSecond)} · ${formatEta(snapshot.etaSeconds)} left`}
            </p>
          </div>
          {!finished &&
            (snapshot.allPaused ? (
              <IconButton icon="play" label="Resume all" onClick={() => u.resumeAll()} />
            ) : (
              <IconButton icon="pause" label="Pause all" onClick={() => u.pauseAll()} />
            ))}
          <IconButton
            icon="chevronDown"
            label={collapsed ? 'Show uploads' : 'Hide uploads'}
            aria-expanded={!collapsed}
            className={collapsed ? 'rotate-180' : ''}
            onClick={() => setCollapsed((c) => !c)}
          />
          {finished ? <IconButton icon="x" label="Close uploads" onClick={() => u.clearFinished()} /> : null}
        </div>
        {!finished && (
          <div className="mt-2.5">
            <ProgressBar value={value} label="Total upload progress" tone={snapshot.allPaused ? 'muted' : 'accent'} />
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
                Cancel all
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  )
}
