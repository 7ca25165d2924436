import {
  defineMessage,
  defineMessages,
  FormattedMessage,
  useIntl,
  type IntlShape,
  type MessageDescriptor,
} from 'react-intl'
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
import { actionName, objectTypeName } from './auditActions'

// Outcomes and actor types as the API names them, for people; actions by name (auditActions.ts) beside their code.
const OUTCOME_NAMES: Record<string, MessageDescriptor> = defineMessages({
  success: { id: 'admin.audit.outcome.success', defaultMessage: 'Success' },
  failure: { id: 'admin.audit.outcome.failure', defaultMessage: 'Failure' },
  denied: { id: 'admin.audit.outcome.denied', defaultMessage: 'Denied' },
})

const ACTOR_TYPES: Record<string, MessageDescriptor> = defineMessages({
  user: { id: 'admin.audit.actor.user', defaultMessage: 'user' },
  anonymous: { id: 'admin.audit.actor.anonymous', defaultMessage: 'anonymous' },
  system: { id: 'admin.audit.actor.system', defaultMessage: 'system' },
  oauth_app: { id: 'admin.audit.actor.oauthApp', defaultMessage: 'oauth_app' },
})

const NONE = defineMessage({ id: 'admin.audit.none', defaultMessage: '—' })

const named = (intl: IntlShape, names: Record<string, MessageDescriptor>, value: string) => {
  const name = names[value]
  return name ? intl.formatMessage(name) : value
}

function outcomeOptions(intl: IntlShape) {
  return [
    { value: '', label: intl.formatMessage({ id: 'admin.audit.outcome.any', defaultMessage: 'Any outcome' }) },
    ...['success', 'failure', 'denied'].map((value) => ({ value, label: named(intl, OUTCOME_NAMES, value) })),
  ]
}

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
        <Spinner className="size-3" />
        <FormattedMessage id="admin.audit.verifying" defaultMessage="Verifying chain…" />
      </Badge>
    )
  if (error || !status)
    return (
      <Badge tone="amber">
        <FormattedMessage id="admin.auditPage.chainNotVerified" defaultMessage="Chain not verified" />
      </Badge>
    )
  return status.valid ? (
    <Badge tone="green">
      <Icon name="shield" className="size-3.5" />
      <FormattedMessage
        id="admin.audit.chainIntact"
        defaultMessage="Chain intact · {count, plural, one {# record} other {# records}}"
        values={{ count: status.checked }}
      />
    </Badge>
  ) : (
    <Badge tone="red">
      <Icon name="alert" className="size-3.5" />
      <FormattedMessage
        id="admin.audit.chainBroken"
        defaultMessage="Chain broken ({reason}) at record {record}"
        values={{ reason: status.reason ?? 'unknown', record: status.first_invalid_id ?? '?' }}
      />
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
  const intl = useIntl()
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
        title={intl.formatMessage({ id: 'admin.auditPage.auditLog', defaultMessage: 'Audit log' })}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <FormattedMessage
              id="admin.audit.description"
              defaultMessage="Every sign-in, upload, download and change, hash-chained so tampering shows."
            />
            <ChainBadge status={chain.data} pending={chain.isFetching} error={chain.error} />
          </span>
        }
        actions={
          <>
            <IconButton
              icon="refresh"
              variant="secondary"
              label={intl.formatMessage({
                id: 'admin.auditPage.verifyChainAgain',
                defaultMessage: 'Verify chain again',
              })}
              onClick={() => void chain.refetch()}
            />
            <Button
              icon="download"
              onClick={() => void exportAs('csv')}
              aria-label={intl.formatMessage({ id: 'admin.auditPage.exportAsCsv', defaultMessage: 'Export as CSV' })}
            >
              <FormattedMessage id="admin.auditPage.csv" defaultMessage="CSV" />
            </Button>
            <Button
              icon="download"
              onClick={() => void exportAs('ndjson')}
              aria-label={intl.formatMessage({
                id: 'admin.auditPage.exportAsNdjson',
                defaultMessage: 'Export as NDJSON',
              })}
            >
              <FormattedMessage id="admin.auditPage.ndjson" defaultMessage="NDJSON" />
            </Button>
          </>
        }
      />
      <form
        onSubmit={apply}
        className="card mb-4 grid grid-cols-2 gap-4 p-4 sm:p-5 lg:grid-cols-4"
        aria-label={intl.formatMessage({ id: 'admin.auditPage.auditFilters', defaultMessage: 'Audit filters' })}
      >
        <TextField
          label={intl.formatMessage({ id: 'admin.auditPage.action', defaultMessage: 'Action' })}
          placeholder={intl.formatMessage({
            id: 'admin.auditPage.authOrFileDeleted',
            defaultMessage: 'auth.* or file.deleted',
          })}
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          className="col-span-2 sm:col-span-1"
        />
        <TextField
          label={intl.formatMessage({ id: 'admin.auditPage.userId', defaultMessage: 'User ID' })}
          placeholder={intl.formatMessage({ id: 'admin.auditPage.uuid', defaultMessage: 'UUID' })}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
        <TextField
          label={intl.formatMessage({ id: 'admin.auditPage.objectId', defaultMessage: 'Object ID' })}
          value={draft.object}
          onChange={(e) => setDraft({ ...draft, object: e.target.value })}
        />
        <SelectField
          label={intl.formatMessage({ id: 'admin.auditPage.outcome', defaultMessage: 'Outcome' })}
          options={outcomeOptions(intl)}
          value={draft.outcome}
          onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}
          className="col-span-2 sm:col-span-1"
        />
        <TextField
          label={intl.formatMessage({ id: 'admin.auditPage.from', defaultMessage: 'From' })}
          type="date"
          value={draft.from}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          label={intl.formatMessage({ id: 'admin.auditPage.to', defaultMessage: 'To' })}
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
            <FormattedMessage id="admin.auditPage.reset" defaultMessage="Reset" />
          </Button>
          <Button type="submit" variant="primary" icon="filter">
            <FormattedMessage id="admin.auditPage.applyFilters" defaultMessage="Apply filters" />
          </Button>
        </div>
      </form>

      <div className="card overflow-hidden">
        {page.isPending ? (
          <PageSpinner
            label={intl.formatMessage({
              id: 'admin.auditPage.loadingAuditRecords',
              defaultMessage: 'Loading audit records',
            })}
          />
        ) : page.isError ? (
          <ErrorNotice
            error={page.error}
            title={intl.formatMessage({
              id: 'admin.auditPage.couldNotLoadThe',
              defaultMessage: 'Could not load the audit log',
            })}
            onRetry={() => void page.refetch()}
          />
        ) : page.data.items.length === 0 ? (
          <EmptyState
            icon="shield"
            title={intl.formatMessage({ id: 'admin.auditPage.noRecordsMatch', defaultMessage: 'No records match' })}
          >
            <FormattedMessage
              id="admin.audit.emptyBody"
              defaultMessage="Try a wider time range or an action prefix such as <code>auth.*</code>."
              values={{ code: (chunks) => <code className="kbd">{chunks}</code> }}
            />
          </EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[860px] table-fixed text-start text-sm">
              <thead className="border-b border-zinc-200/80 text-[13px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                <tr>
                  <th scope="col" className="w-40 py-2.5 pe-3 ps-5 font-medium">
                    <FormattedMessage id="admin.auditPage.time" defaultMessage="Time" />
                  </th>
                  <th scope="col" className="px-3 py-2.5 font-medium">
                    <FormattedMessage id="admin.auditPage.action" defaultMessage="Action" />
                  </th>
                  <th scope="col" className="w-44 px-3 py-2.5 font-medium">
                    <FormattedMessage id="admin.auditPage.who" defaultMessage="Who" />
                  </th>
                  <th scope="col" className="w-40 px-3 py-2.5 font-medium">
                    <FormattedMessage id="admin.auditPage.object" defaultMessage="Object" />
                  </th>
                  <th scope="col" className="w-28 px-3 py-2.5 font-medium">
                    <FormattedMessage id="admin.auditPage.ip" defaultMessage="IP" />
                  </th>
                  <th scope="col" className="w-28 py-2.5 pe-5 ps-3 font-medium">
                    <FormattedMessage id="admin.auditPage.outcome" defaultMessage="Outcome" />
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/80">
                {page.data.items.map((entry) => (
                  <tr key={entry.id} className="align-top">
                    <td
                      className="py-3 pe-3 ps-5 text-[13px] whitespace-nowrap tabular-nums muted"
                      title={formatDateTime(entry.time)}
                    >
                      {formatTimestamp(entry.time)}
                    </td>
                    <td className="px-3 py-3">
                      {actionName(intl, entry.action) ? (
                        <>
                          <p className="truncate text-[13px] font-medium" title={entry.action}>
                            {actionName(intl, entry.action)}
                          </p>
                          <code className="block truncate font-mono text-xs muted" dir="ltr">
                            {entry.action}
                          </code>
                        </>
                      ) : (
                        <p className="truncate font-mono text-[13px] font-medium" dir="ltr" title={entry.action}>
                          {entry.action}
                        </p>
                      )}
                      {summary(entry) && (
                        <p className="mt-0.5 truncate text-xs muted" title={summary(entry)}>
                          {summary(entry)}
                        </p>
                      )}
                    </td>
                    <td className="px-3 py-3">
                      <p className="truncate" title={entry.actor.id ?? undefined}>
                        {entry.actor.label ?? entry.actor.id ?? intl.formatMessage(NONE)}
                      </p>
                      <p className="text-xs muted">{named(intl, ACTOR_TYPES, entry.actor.type ?? 'anonymous')}</p>
                    </td>
                    <td className="px-3 py-3">
                      {entry.object.type ? (
                        <>
                          <p className="text-xs muted" title={entry.object.type}>
                            {objectTypeName(intl, entry.object.type)}
                          </p>
                          <p className="truncate font-mono text-xs" title={entry.object.id ?? undefined}>
                            {entry.object.id}
                          </p>
                        </>
                      ) : (
                        <span className="muted">{intl.formatMessage(NONE)}</span>
                      )}
                    </td>
                    <td className="truncate px-3 py-3 font-mono text-xs muted" title={entry.ip ?? undefined}>
                      {entry.ip ?? intl.formatMessage(NONE)}
                    </td>
                    <td className="py-3 pe-5 ps-3">
                      <Badge tone={OUTCOME_TONE[entry.outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>
                        {named(intl, OUTCOME_NAMES, entry.outcome)}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex items-center justify-between gap-3 border-t border-zinc-200/80 px-4 py-3 dark:border-zinc-800">
          <p className="text-sm muted">
            <FormattedMessage
              id="admin.audit.page"
              defaultMessage="Page {number, number}"
              values={{ number: cursors.length }}
            />
          </p>
          <div className="flex gap-2">
            <Button size="sm" disabled={cursors.length <= 1} onClick={() => setCursors((all) => all.slice(0, -1))}>
              <FormattedMessage id="admin.auditPage.newer" defaultMessage="Newer" />
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
              <FormattedMessage id="admin.auditPage.older" defaultMessage="Older" />
            </Button>
          </div>
        </div>
      </div>
    </>
  )
}
