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
  { key: 'files', label: 'Files', hint: 'Files uploaded more than this many days ago are crypto-shredded.' },
  {
    key: 'audit',
    label: 'Audit records',
    hint: 'Older records are exported to the archive, anchored by a signed checkpoint, then removed.',
  },
] as const

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/**
 * Retention (days kept per category, the dry run of the next run, running it) and the
 * compliance report download.
 */
export function CompliancePage() {
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

  if (policies.isPending) return <PageSpinner label="Loading the retention policies" />
  if (policies.isError)
    return (
      <ErrorNotice
        error={policies.error}
        title="Could not load the retention policies"
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
        if (!/^\d+$/.test(text.trim())) throw new Error('Days are whole numbers; leave empty to keep forever.')
        chosen[key] = Number(text.trim())
      }
      await saveRetentionPolicies(chosen)
      setPlan(null)
      toast.show('Retention policies saved')
    })

  const preview = () => task('preview', async () => setPlan(await retentionPreview()))

  const run = () =>
    task('run', async () => {
      if (!plan) return
      const done = await runRetention(plan.as_of)
      setPlan(null)
      toast.show(`Retention ran: ${done.categories.map((c) => `${c.count} ${c.category}`).join(', ') || 'nothing'}`)
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
        title="Compliance"
        description="How long data is kept, what the next retention run removes, and the compliance report for a period."
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
          Retention
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          {CATEGORIES.map((category) => (
            <TextField
              key={category.key}
              label={`${category.label}: days kept`}
              hint={`${category.hint} Empty keeps forever.`}
              inputMode="numeric"
              value={days?.[category.key] ?? ''}
              onChange={(e) => setDays({ ...(days ?? {}), [category.key]: e.target.value })}
            />
          ))}
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button icon="check" busy={busy === 'save'} onClick={save}>
            Save policies
          </Button>
          <Button variant="ghost" busy={busy === 'preview'} onClick={preview}>
            Show what the next run removes
          </Button>
        </div>
        {plan && (
          <div className="mt-4" aria-label="Next retention run">
            {plan.categories.length === 0 ? (
              <p className="text-sm">No policy is set: nothing will be removed.</p>
            ) : (
              <ul className="space-y-3 text-sm">
                {plan.categories.map((c) => (
                  <li key={c.category}>
                    <strong>
                      {c.category}: {c.count}
                    </strong>{' '}
                    older than {c.max_age_days} days (before {new Date(c.cutoff).toLocaleString()})
                    {c.from_seq != null && ` — records ${c.from_seq} to ${c.through_seq}`}
                    {c.files && c.files.length > 0 && (
                      <ul className="mt-1 ml-4 list-disc">
                        {c.files.map((f) => (
                          <li key={f.id}>
                            {f.path} ({f.size} bytes, {new Date(f.created_at).toLocaleDateString()})
                          </li>
                        ))}
                        {c.truncated && <li>… and more</li>}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {plan.categories.some((c) => c.count > 0) && (
              <Button className="mt-3" variant="danger" busy={busy === 'run'} onClick={run}>
                Remove exactly these now
              </Button>
            )}
          </div>
        )}
      </section>
      <section className="card p-4" aria-labelledby="report-title">
        <h2 id="report-title" className="mb-3 text-base font-semibold">
          Compliance report
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="From (UTC)" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <TextField label="To (UTC, not included)" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button icon="download" busy={busy === 'pdf'} onClick={() => report('pdf')}>
            Download PDF
          </Button>
          <Button icon="download" variant="ghost" busy={busy === 'csv'} onClick={() => report('csv')}>
            Download CSV
          </Button>
        </div>
      </section>
    </>
  )
}
