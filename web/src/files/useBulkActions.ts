import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { defineMessages, useIntl } from 'react-intl'
import { bulkJob, downloadZip, jobFinished, startBulk, type BulkChange, type BulkJob } from '../api/bulk'
import { errorMessage } from '../ui/ErrorNotice'
import { useToast } from '../ui/Toasts'

/** How often a running job's progress is asked for. */
export const POLL_MS = 1000

const pause = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms))

const DONE = defineMessages<
  Record<'move' | 'delete' | 'tag', { count: number }> & { notDone: { skipped: number; failed: number } }
>({
  move: { id: 'files.bulk.moved', defaultMessage: '{count, plural, one {Moved # file} other {Moved # files}}' },
  delete: {
    id: 'files.bulk.deleted',
    defaultMessage: '{count, plural, one {Moved # file to the trash} other {Moved # files to the trash}}',
  },
  tag: { id: 'files.bulk.tagged', defaultMessage: '{count, plural, one {Tagged # file} other {Tagged # files}}' },
  notDone: { id: 'files.bulk.notDone', defaultMessage: '{skipped, number} skipped, {failed, number} failed' },
})

/**
 * The selection toolbar's operations, each one request for all selected files. The server
 * finishes a small set at once and answers a large one as a running job: the returned
 * promise settles once the server accepted the request (a refusal rejects it, for the
 * dialog to show), `job` then follows the progress until the result is announced and
 * `onDone` refreshes the list.
 */
export function useBulkActions(onDone: () => unknown) {
  const [job, setJob] = useState<BulkJob | null>(null)
  const mounted = useRef(true)
  const toast = useToast()
  const intl = useIntl()
  const queries = useQueryClient()
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const announce = (finished: BulkJob) => {
    const done = DONE[finished.operation as BulkChange['operation']] ?? DONE.move
    if (finished.done > 0) toast.show(intl.formatMessage(done, { count: finished.done }))
    if (finished.skipped + finished.failed > 0)
      toast.show(intl.formatMessage(DONE.notDone, { skipped: finished.skipped, failed: finished.failed }), 'error')
  }

  const follow = async (started: BulkJob) => {
    let current = started
    try {
      while (mounted.current && !jobFinished(current)) {
        setJob(current)
        await pause(POLL_MS)
        current = await bulkJob(current.id)
      }
      // Left before the end (the page was closed), the job goes on; a count now would be a partial one.
      if (jobFinished(current)) announce(current)
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      if (mounted.current) setJob(null)
      await queries.invalidateQueries({ queryKey: ['files'] })
      await onDone()
    }
  }

  const apply = async (ids: string[], change: BulkChange) => {
    void follow(await startBulk(ids, change))
  }

  return {
    job,
    move: (ids: string[], folder: string) => apply(ids, { operation: 'move', folder }),
    remove: (ids: string[]) => apply(ids, { operation: 'delete' }),
    tag: (ids: string[], tag: string) => apply(ids, { operation: 'tag', tags: [tag] }),
    zip: (ids: string[]) => downloadZip(ids).catch((e: unknown) => toast.show(errorMessage(e), 'error')),
  }
}
