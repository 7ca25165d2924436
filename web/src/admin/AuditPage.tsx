import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { auditExportPath, searchAudit, verifyAudit, type AuditFilters } from '../api/admin'
import type { AuditEntry, ChainStatus } from '../api/types'
import { formatDateTime, formatTimestamp } from '../lib/format'
import { downloadWithTicket } from '../lib/download'
import { Badge } from '../ui/Badge'
import { Button, IconButton } from '../ui/Button'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { SelectField, TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner, Spinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

const OUTCOMES = [
  { value: '', label: 'Any outcome' },
  { value: 'success', label: 'Success' },
  { value: 'failure', label: 'Failure' },
  { value: 'denied', label: 'Denied' },
] as const

const OUTCOME_TONE = { success: 'green', failure: 'amber', denied: 'red' } as const

/** The date inputs give local days; the API wants instants, so a day runs from local midnight to the next. */
function toInstant(day: string, endOfDay: boolean): string | undefined {
  if (!day) return undefined
  const date = new Date(`${day}T00:00:00`)
  if (endOfDay) date.setDate(date.getDate() + 1)
  return date.toISOString()
}

function ChainBadge({ status, pending, error }: { status: ChainStatus | undefined; pending: boolean; error: unknown }) {
  if (pending)
    return (
      <Badge>
        <Spinner className="size-3" /> Verifying chain…
      </Badge>
    )
  if (error || !status) return <Badge tone="amber">Chain not verified</Badge>
  return status.valid ? (
    <Badge tone="green">
      <Icon name="shield" className="size-3.5" /> Chain intact · {status.checked.toLocaleString()} records
    </Badge>
  ) : (
    <Badge tone="red">
      <Icon name="alert" className="size-3.5" /> Chain broken ({status.reason ?? 'unknown'}) at record{' '}
      {status.first_invalid_id ?? '?'}
    </Badge>
  )
}

function summary(entry: AuditEntry): string {
  const details = Object.entries(entry.details ?? {})
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ')
  return details
}

export function AuditPage() {
  const toast = useToast()
  const [draft, setDraft] = useState({ action: '', actor: '', object: '', outcome: '', from: '', to: '' })
  const [filters, setFilters] = useState<AuditFilters>({})
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const cursor = cursors[cursors.length - 1] ?? null
  const page = useQuery({
    queryKey: ['audit', filters, cursor],
    queryFn: () => searchAudit(filters, cursor),
    placeholderData: keepPreviousData,
  })
  const chain = useQuery({ queryKey: ['audit-verify'], queryFn: verifyAudit, staleTime: 60_000 })

  const apply = (event: FormEvent) => {
    event.preventDefault()
    setFilters({
      action: draft.action,
      actor: draft.actor,
      object: draft.object,
      outcome: draft.outcome,
      from: toInstant(draft.from, false),
      to: toInstant(draft.to, true),
    })
    setCursors([null])
  }
  const exportAs = (format: 'csv' | 'ndjson') =>
    downloadWithTicket(auditExportPath(filters, format)).catch((e: unknown) => toast.show(errorMessage(e), 'error'))

  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            Every sign-in, upload, download and change, hash-chained so tampering shows.
            <ChainBadge status={chain.data} pending={chain.isFetching} error={chain.error} />
          </span>
        }
        actions={
          <>
            <IconButton
              icon="refresh"
              variant="secondary"
              label="Verify chain again"
              onClick={() => void chain.refetch()}
            />
            <Button icon="download" onClick={() => void exportAs('csv')} aria-label="Export as CSV">
              CSV
            </Button>
            <Button icon="download" onClick={() => void exportAs('ndjson')} aria-label="Export as NDJSON">
              NDJSON
            </Button>
          </>
        }
      />
      <form
        onSubmit={apply}
        className="card mb-4 grid grid-cols-2 gap-4 p-4 sm:p-5 lg:grid-cols-4"
        aria-label="Audit filters"
      >
        <TextField
          label="Action"
          placeholder="auth.* or file.deleted"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          className="col-span-2 sm:col-span-1"
        />
        <TextField
          label="User ID"
          placeholder="UUID"
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
        <TextField
          label="Object ID"
          value={draft.object}
          onChange={(e) => setDraft({ ...draft, object: e.target.value })}
        />
        <SelectField
          label="Outcome"
          options={OUTCOMES}
          value={draft.outcome}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          className="col-span-2 sm:col-span-1"
        />
        <TextField
          label="From"
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          label="To"
          type="date"
          value={draft.to}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <div className="col-span-2 flex items-end justify-end gap-2">
          <Button
            variant="ghost"
            onClick={() => {
              setDraft({ action: '', actor: '', object: '', outcome: '', from: '', to: '' })
              setFilters({})
              setCursors([null])
            }}
          >
            Reset
          </Button>
          <Button type="submit" variant="primary" icon="filter">
            Apply filters
          </Button>
        </div>
      </form>

      <div className="card overflow-hidden">
        {page.isPending ? (
          <PageSpinner label="Loading audit records" />
        ) : page.isError ? (
          <ErrorNotice error={page.error} title="Could not load the audit log" onRetry={() => void page.refetch()} />
        ) : page.data.items.length === 0 ? (
          <EmptyState icon="shield" title="No records match">
            Try a wider time range or an action prefix such as <code className="kbd">auth.*</code>.
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[860px] table-fixed text-left text-sm">
              <thead className="border-b border-zinc-200/80 text-[13px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="w-40 py-2.5 pr-3 pl-5 font-medium">
                    Time
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    Action
                  </th>
                  <th scope="col" className="w-44 px-3 py-2.5 font-medium">
                    Who
                  </th>
                  <th scope="col" className="w-40 px-3 py-2.5 font-medium">
                    Object
                  </th>
                  <th scope="col" className="w-28 px-3 py-2.5 font-medium">
                    IP
                  </th>
                  <th scope="col" className="w-28 py-2.5 pr-5 pl-3 font-medium">
                    Outcome
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/80">
                {page.data.items.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td
                      className="py-3 pr-3 pl-5 text-[13px] whitespace-nowrap tabular-nums muted"
                      title={formatDateTime(entry.time)}
                    >
                      {formatTimestamp(entry.time)}
                    </td>
                    <td className="px-3 py-3">
                      <p className="truncate font-mono text-[13px] font-medium" title={entry.action}>
                        {entry.action}
                      </p>
                      {summary(entry) && (
                        <p className="mt-0.5 truncate text-xs muted" title={summary(entry)}>
                          {summary(entry)}
                        </p>
                      )}
                    </td>
                    <td className="px-3 py-3">
                      <p className="truncate" title={entry.actor.id ?? undefined}>
                        {entry.actor.label ?? entry.actor.id ?? '—'}
                      </p>
                      <p className="text-xs muted">{entry.actor.type ?? 'anonymous'}</p>
                    </td>
                    <td className="px-3 py-3">
                      {entry.object.type ? (
                        <>
                          <p className="text-xs muted">{entry.object.type}</p>
                          <p className="truncate font-mono text-xs" title={entry.object.id ?? undefined}>
                            {entry.object.id}
                          </p>
                        </>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="truncate px-3 py-3 font-mono text-xs muted" title={entry.ip ?? undefined}>
                      {entry.ip ?? '—'}
                    </td>
                    <td className="py-3 pr-5 pl-3">
                      <Badge tone={OUTCOME_TONE[entry.outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>
                        {entry.outcome}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex items-center justify-between gap-3 border-t border-zinc-200/80 px-4 py-3 dark:border-zinc-800">
          <p className="text-sm muted">Page {cursors.length}</p>
          <div className="flex gap-2">
            <Button size="sm" disabled={cursors.length <= 1} onClick={() => setCursors((all) => all.slice(0, -1))}>
              Newer
            </Button>
            <Button
              size="sm"
              disabled={!page.data?.next_cursor}
              busy={page.isFetching && !page.isPending}
              onClick={() => {
                const next = page.data?.next_cursor
                if (next) setCursors((all) => [...all, next])
              }}
            >
              Older
            </Button>
          </div>
        </div>
      </div>
    </>
  )
}
