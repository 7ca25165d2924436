import { defineMessages, useIntl } from 'react-intl'
import type { BulkJob } from '../api/bulk'
import { percent } from '../lib/format'
import { ProgressBar } from './uploads/ProgressBar'

const LABELS = defineMessages<Record<'move' | 'delete' | 'tag', { done: number; total: number }>>({
  move: { id: 'files.bulk.progress.move', defaultMessage: 'Moving {done, number} of {total, number} files' },
  delete: { id: 'files.bulk.progress.delete', defaultMessage: 'Deleting {done, number} of {total, number} files' },
  tag: { id: 'files.bulk.progress.tag', defaultMessage: 'Tagging {done, number} of {total, number} files' },
})

/** A running bulk job's progress; handled files count whether done, skipped or failed. */
export function BulkProgress({ job }: { job: BulkJob }) {
  const intl = useIntl()
  const handled = job.done + job.skipped + job.failed
  const label = intl.formatMessage(LABELS[job.operation as keyof typeof LABELS] ?? LABELS.move, {
    done: handled,
    total: job.total,
  })
  return (
    <div className="border-b border-accent-100 bg-accent-50/70 px-4 py-2.5 dark:border-accent-900/50 dark:bg-accent-950/40">
      <p className="mb-1.5 text-sm font-medium" aria-live="polite">
        {label}
      </p>
      <ProgressBar value={percent(handled, job.total)} label={label} />
    </div>
  )
}
