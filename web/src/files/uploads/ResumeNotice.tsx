import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { formatBytes, percent } from '../../lib/format'
import { Button, IconButton } from '../../ui/Button'
import { Icon } from '../../ui/Icon'
import { ProgressBar } from './ProgressBar'
import {
  discardPendingUpload,
  forgetPendingUpload,
  readPendingUploads,
  serverOffset,
  type PendingUpload,
} from './pendingUploads'
import { useUploads } from './useUploads'

function PendingRow({
  upload,
  onPick,
  onDiscard,
}: {
  upload: PendingUpload
  onPick: () => void
  onDiscard: () => void
}) {
  const offset = useQuery({
    queryKey: ['tus-offset', upload.uploadUrl],
    queryFn: () => serverOffset(upload),
    staleTime: 5_000,
  })
  const bytes = offset.data ?? 0
  const intl = useIntl()
  return (
    <li className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:px-5">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium" title={upload.name}>
          {upload.name}
        </p>
        <p className="mt-0.5 text-xs tabular-nums muted" data-testid="pending-offset" data-offset={bytes}>
          {offset.isPending ? (
            <FormattedMessage id="files.resume.checking" defaultMessage="Checking…" />
          ) : offset.data === null ? (
            <FormattedMessage id="files.resume.gone" defaultMessage="No longer on the server: it will start over" />
          ) : upload.folder === '/' ? (
            <FormattedMessage
              id="files.resume.progressRoot"
              defaultMessage="{done} of {total} uploaded · to your files"
              values={{ done: formatBytes(bytes), total: formatBytes(upload.size) }}
            />
          ) : (
            <FormattedMessage
              id="files.resume.progressFolder"
              defaultMessage="{done} of {total} uploaded · to {folder}"
              values={{ done: formatBytes(bytes), total: formatBytes(upload.size), folder: <bdi>{upload.folder}</bdi> }}
            />
          )}
        </p>
        <div className="mt-2 max-w-md">
          <ProgressBar
            value={percent(bytes, upload.size)}
            label={intl.formatMessage(
              { id: 'files.resume.progressLabel', defaultMessage: '{name} uploaded so far' },
              { name: upload.name },
            )}
            tone="muted"
          />
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-1">
        <Button size="sm" variant="primary" icon="upload" onClick={onPick}>
          <FormattedMessage id="files.resume.choose" defaultMessage="Choose file to resume" />
        </Button>
        <IconButton
          icon="trash"
          variant="danger-ghost"
          label={intl.formatMessage(
            { id: 'files.resume.discard', defaultMessage: 'Discard {name}' },
            { name: upload.name },
          )}
          onClick={onDiscard}
        />
      </div>
    </li>
  )
}

/**
 * After a reload the browser no longer holds the file, only where its upload stopped: ask
 * for the same file again, and tus continues from the server's offset.
 */
export function ResumeNotice({ onFiles }: { onFiles: (files: File[], folder: string) => void }) {
  const uploads = useUploads()
  const intl = useIntl()
  const [version, setVersion] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const target = useRef<PendingUpload | null>(null)
  const active = new Set(uploads.items.map((i) => i.name))
  const pending = readPendingUploads().filter((p) => !active.has(p.name))
  void version
  if (pending.length === 0) return null

  return (
    <section
      aria-labelledby="resume-title"
      className="card mb-6 overflow-hidden border-amber-200 dark:border-amber-900/60"
    >
      <div className="flex items-start gap-3 border-b border-amber-100 bg-amber-50/70 px-4 py-3 sm:px-5 dark:border-amber-900/40 dark:bg-amber-950/30">
        <Icon name="clock" className="mt-0.5 size-5 shrink-0 text-amber-600 dark:text-amber-400" />
        <div>
          <h2 id="resume-title" className="text-sm font-semibold">
            <FormattedMessage id="files.resume.title" defaultMessage="Unfinished uploads" />
          </h2>
          <p className="text-sm muted">
            <FormattedMessage
              id="files.resume.body"
              defaultMessage="Choose the same file again and the upload continues where it stopped."
            />
          </p>
        </div>
      </div>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {pending.map((upload) => (
          <PendingRow
            key={upload.key}
            upload={upload}
            onPick={() => {
              target.current = upload
              input.current?.click()
            }}
            onDiscard={() => void discardPendingUpload(upload).then(() => setVersion((v) => v + 1))}
          />
        ))}
      </ul>
      <input
        ref={input}
        type="file"
        className="hidden"
        aria-label={intl.formatMessage({ id: 'files.resume.input', defaultMessage: 'Choose the file to resume' })}
        data-testid="resume-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? [])
          const upload = target.current
          event.target.value = ''
          if (!upload || files.length === 0) return
          if (files[0]?.size !== upload.size) forgetPendingUpload(upload)
          onFiles(files, upload.folder)
          setVersion((v) => v + 1)
        }}
      />
    </section>
  )
}
