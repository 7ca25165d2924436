import { defineMessage, defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import {
  complianceReportPath,
  retentionPolicies,
  retentionPreview,
  runRetention,
  saveRetentionPolicies,
  type RetentionPlan,
  type RetentionPolicies,
} from '../api/compliance'
import { downloadWithTicket } from '../lib/download'
import { Button } from '../ui/Button'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

const CATEGORIES = [
  {
    key: 'files',
    label: defineMessage({ id: 'admin.compliance.filesDays', defaultMessage: 'Files: days kept' }),
    hint: defineMessage({
      id: 'admin.compliance.filesHint',
      defaultMessage: 'Files uploaded more than this many days ago are crypto-shredded. Empty keeps forever.',
    }),
  },
  {
    key: 'versions',
    label: defineMessage({ id: 'admin.compliance.versionsDays', defaultMessage: 'Older versions: days kept' }),
    hint: defineMessage({
      id: 'admin.compliance.versionsHint',
      defaultMessage:
        'Versions replaced by a newer one more than this many days ago are crypto-shredded; the current version stays. Empty keeps forever.',
    }),
  },
  {
    key: 'trash',
    label: defineMessage({ id: 'admin.compliance.trashDays', defaultMessage: 'Trash: days kept' }),
    hint: defineMessage({
      id: 'admin.compliance.trashHint',
      defaultMessage:
        'Files deleted more than this many days ago are crypto-shredded from the trash. Empty keeps the server trash setting.',
    }),
  },
  {
    key: 'transfers',
    label: defineMessage({ id: 'admin.compliance.transfersDays', defaultMessage: 'Ended transfers: days kept' }),
    hint: defineMessage({
      id: 'admin.compliance.transfersHint',
      defaultMessage:
        'Transfers that expired or were revoked more than this many days ago are deleted with their recipients, links and download log; their files stay. Empty keeps forever.',
    }),
  },
  {
    key: 'download_logs',
    label: defineMessage({ id: 'admin.compliance.downloadLogsDays', defaultMessage: 'Download logs: days kept' }),
    hint: defineMessage({
      id: 'admin.compliance.downloadLogsHint',
      defaultMessage:
        'Entries of public downloads (address, IP, browser) older than this many days are deleted. Empty keeps forever.',
    }),
  },
  {
    key: 'audit',
    label: defineMessage({ id: 'admin.compliance.auditDays', defaultMessage: 'Audit records: days kept' }),
    hint: defineMessage({
      id: 'admin.compliance.auditHint',
      defaultMessage:
        'Older records are exported to the archive, anchored by a signed checkpoint, then removed. Empty keeps forever.',
    }),
  },
] as const

// Retention categories as the server names them, for people.
const CATEGORY_NAMES = defineMessages({
  files: { id: 'admin.compliance.category.files', defaultMessage: 'files' },
  audit: { id: 'admin.compliance.category.audit', defaultMessage: 'audit' },
  versions: { id: 'admin.compliance.category.versions', defaultMessage: 'older versions' },
  trash: { id: 'admin.compliance.category.trash', defaultMessage: 'trash' },
  transfers: { id: 'admin.compliance.category.transfers', defaultMessage: 'ended transfers' },
  download_logs: { id: 'admin.compliance.category.downloadLogs', defaultMessage: 'download log entries' },
})

function categoryName(intl: IntlShape, category: string): string {
  const name = CATEGORY_NAMES[category as keyof typeof CATEGORY_NAMES]
  return name ? intl.formatMessage(name) : category
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/**
 * Retention (days kept per category, the dry run of the next run, running it) and the
 * compliance report download.
 */
export function CompliancePage() {
  const intl = useIntl()
  const toast = useToast()
  const policies = useQuery({ queryKey: ['admin-retention'], queryFn: retentionPolicies })
  const [days, setDays] = useState<Record<string, string> | null>(null)
  const [plan, setPlan] = useState<RetentionPlan | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [from, setFrom] = useState(day(-30))
  const [to, setTo] = useState(day(1))

  useEffect(() => {
    if (policies.data && days === null)
      setDays(Object.fromEntries(CATEGORIES.map((c) => [c.key, String(policies.data[c.key] ?? '')])))
  }, [policies.data, days])

  if (policies.isPending)
    return (
      <PageSpinner
        label={intl.formatMessage({
          id: 'admin.compliancePage.loadingTheRetentionPolicies',
          defaultMessage: 'Loading the retention policies',
        })}
      />
    )
  if (policies.isError)
    return (
      <ErrorNotice
        error={policies.error}
        title={intl.formatMessage({
          id: 'admin.compliancePage.couldNotLoadThe',
          defaultMessage: 'Could not load the retention policies',
        })}
        onRetry={() => void policies.refetch()}
      />
    )

  const task = (name: string, work: () => Promise<void>) => {
    setBusy(name)
    setError(null)
    work()
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(null))
  }

  const save = () =>
    task('save', async () => {
      const chosen: RetentionPolicies = {}
      for (const [key, text] of Object.entries(days ?? {})) {
        if (text.trim() === '') continue
        if (!/^\d+$/.test(text.trim()))
          throw new Error(
            intl.formatMessage({
              id: 'admin.compliancePage.wholeDays',
              defaultMessage: 'Days are whole numbers; leave empty to keep forever.',
            }),
          )
        chosen[key] = Number(text.trim())
      }
      await saveRetentionPolicies(chosen)
      setPlan(null)
      toast.show(
        intl.formatMessage({
          id: 'admin.compliancePage.retentionPoliciesSaved',
          defaultMessage: 'Retention policies saved',
        }),
      )
    })

  const preview = () => task('preview', async () => setPlan(await retentionPreview()))

  const run = () =>
    task('run', async () => {
      if (!plan) return
      const done = await runRetention(plan.as_of)
      setPlan(null)
      toast.show(
        done.categories.length === 0
          ? intl.formatMessage({ id: 'admin.compliance.retentionRanNothing', defaultMessage: 'Retention ran: nothing' })
          : intl.formatMessage(
              { id: 'admin.compliance.retentionRan', defaultMessage: 'Retention ran: {removed}' },
              {
                removed: intl.formatList(
                  done.categories.map((c) =>
                    intl.formatMessage(
                      { id: 'admin.compliance.retentionCount', defaultMessage: '{count, number} {category}' },
                      { count: c.count, category: categoryName(intl, c.category) },
                    ),
                  ),
                  { type: 'unit' },
                ),
              },
            ),
      )
    })

  const report = (format: 'pdf' | 'csv') =>
    task(format, () =>
      downloadWithTicket(
        complianceReportPath(
          new Date(`${from}T00:00:00Z`).toISOString(),
          new Date(`${to}T00:00:00Z`).toISOString(),
          format,
        ),
      ),
    )

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'admin.compliancePage.compliance', defaultMessage: 'Compliance' })}
        description={intl.formatMessage({
          id: 'admin.compliancePage.howLongDataIs',
          defaultMessage:
            'How long data is kept, what the next retention run removes, and the compliance report for a period.',
        })}
      />
      {error && (
        <p
          role="alert"
          className="mb-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 dark:bg-red-950/60 dark:text-red-300"
        >
          {error}
        </p>
      )}
      <section className="card mb-6 p-4" aria-labelledby="retention-title">
        <h2 id="retention-title" className="mb-3 text-base font-semibold">
          <FormattedMessage id="admin.compliancePage.retention" defaultMessage="Retention" />
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {CATEGORIES.map((category) => (
            <TextField
              key={category.key}
              label={intl.formatMessage(category.label)}
              hint={intl.formatMessage(category.hint)}
              inputMode="numeric"
              value={days?.[category.key] ?? ''}
              onChange={(e) => setDays({ ...(days ?? {}), [category.key]: e.target.value })}
            />
          ))}
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button icon="check" busy={busy === 'save'} onClick={save}>
            <FormattedMessage id="admin.compliancePage.savePolicies" defaultMessage="Save policies" />
          </Button>
          <Button variant="ghost" busy={busy === 'preview'} onClick={preview}>
            <FormattedMessage
              id="admin.compliancePage.showWhatTheNext"
              defaultMessage="Show what the next run removes"
            />
          </Button>
        </div>
        {plan && (
          <div
            className="mt-4"
            aria-label={intl.formatMessage({
              id: 'admin.compliancePage.nextRetentionRun',
              defaultMessage: 'Next retention run',
            })}
          >
            {plan.categories.length === 0 ? (
              <p className="text-sm">
                <FormattedMessage
                  id="admin.compliancePage.noPolicyIsSet"
                  defaultMessage="No policy is set: nothing will be removed."
                />
              </p>
            ) : (
              <ul className="space-y-3 text-sm">
                {plan.categories.map((c) => (
                  <li key={c.category}>
                    <FormattedMessage
                      id="admin.compliance.planLine"
                      defaultMessage="<strong>{category}: {count, number}</strong> older than {days, plural, one {# day} other {# days}} (before {cutoff, date, short} {cutoff, time, medium}){seq, select, none {} other { — records {from} to {through}}}"
                      values={{
                        category: categoryName(intl, c.category),
                        count: c.count,
                        days: c.max_age_days,
                        cutoff: new Date(c.cutoff),
                        seq: c.from_seq != null ? 'range' : 'none',
                        from: c.from_seq,
                        through: c.through_seq,
                        strong: (chunks) => <strong>{chunks}</strong>,
                      }}
                    />
                    {c.files && c.files.length > 0 && (
                      <ul className="mt-1 ms-4 list-disc">
                        {c.files.map((f) => (
                          <li key={f.id}>
                            <FormattedMessage
                              id="admin.compliance.planFile"
                              defaultMessage="{path} ({size, plural, one {# byte} other {# bytes}}, {created, date, short})"
                              values={{ path: <bdi>{f.path}</bdi>, size: f.size, created: new Date(f.created_at) }}
                            />
                          </li>
                        ))}
                        {c.truncated && (
                          <li>
                            <FormattedMessage id="admin.compliance.andMore" defaultMessage="… and more" />
                          </li>
                        )}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {plan.categories.some((c) => c.count > 0) && (
              <Button className="mt-3" variant="danger" busy={busy === 'run'} onClick={run}>
                <FormattedMessage
                  id="admin.compliancePage.removeExactlyTheseNow"
                  defaultMessage="Remove exactly these now"
                />
              </Button>
            )}
          </div>
        )}
      </section>
      <section className="card p-4" aria-labelledby="report-title">
        <h2 id="report-title" className="mb-3 text-base font-semibold">
          <FormattedMessage id="admin.compliancePage.complianceReport" defaultMessage="Compliance report" />
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={intl.formatMessage({ id: 'admin.compliancePage.fromUtc', defaultMessage: 'From (UTC)' })}
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <TextField
            label={intl.formatMessage({
              id: 'admin.compliancePage.toUtcNotIncluded',
              defaultMessage: 'To (UTC, not included)',
            })}
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button icon="download" busy={busy === 'pdf'} onClick={() => report('pdf')}>
            <FormattedMessage id="admin.compliancePage.downloadPdf" defaultMessage="Download PDF" />
          </Button>
          <Button icon="download" variant="ghost" busy={busy === 'csv'} onClick={() => report('csv')}>
            <FormattedMessage id="admin.compliancePage.downloadCsv" defaultMessage="Download CSV" />
          </Button>
        </div>
      </section>
    </>
  )
}
