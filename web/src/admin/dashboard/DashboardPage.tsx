import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { statsActivity, statsOverview, statsStorage, type StatsOverview } from '../../api/stats'
import { formatBytes } from '../../lib/format'
import { useIsDark } from '../../lib/theme'
import { IconButton } from '../../ui/Button'
import { EmptyState } from '../../ui/EmptyState'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { PageHeader, Section } from '../../ui/PageHeader'
import { FailedLoginsChart, StorageChart, TrafficChart, type Metric } from './Charts'
import { palette } from './palette'
import { ChartFigure, ChartSkeleton, HiddenTable, LegendDot, Segmented, StatCard, StatCardSkeleton } from './Parts'
import {
  chartDays,
  failedLoginSummary,
  formatCount,
  isQuiet,
  longDayLabel,
  plural,
  storageRows,
  trafficSummary,
} from './shape'

const RANGES = [7, 30, 90] as const
type Range = (typeof RANGES)[number]

const STORAGE_LIMIT = 10

function rangeFrom(value: string | null): Range {
  const days = Number(value)
  return (RANGES as readonly number[]).includes(days) ? (days as Range) : 30
}

export function DashboardPage() {
  const [params, setParams] = useSearchParams()
  const days = rangeFrom(params.get('days'))
  const queries = useQueryClient()
  const overview = useQuery({ queryKey: ['admin-stats', 'overview'], queryFn: statsOverview })
  const activity = useQuery({
    queryKey: ['admin-stats', 'activity', days],
    queryFn: () => statsActivity(days),
    placeholderData: keepPreviousData,
  })
  const storage = useQuery({
    queryKey: ['admin-stats', 'storage', STORAGE_LIMIT],
    queryFn: () => statsStorage(STORAGE_LIMIT),
  })
  const refreshing = overview.isFetching || activity.isFetching || storage.isFetching

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Accounts, storage and traffic on this Ferry server."
        actions={
          <>
            <Segmented
              label="Time range"
              value={days}
              options={RANGES.map((n) => ({ value: n, label: `${n} days` }))}
              onChange={(n) => setParams(n === 30 ? {} : { days: String(n) }, { replace: true })}
            />
            <IconButton
              icon="refresh"
              label="Refresh"
              variant="secondary"
              disabled={refreshing}
              onClick={() => void queries.invalidateQueries({ queryKey: ['admin-stats'] })}
            />
          </>
        }
      />
      <div className="space-y-6">
        <OverviewCards query={overview} onRetry={() => void overview.refetch()} />
        <Traffic query={activity} days={days} />
        <div className="grid gap-6 lg:grid-cols-2">
          <FailedLogins query={activity} />
          <Storage query={storage} />
        </div>
        {overview.data && (
          <p className="text-center text-xs muted">
            Figures as of{' '}
            {new Date(overview.data.generated_at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
            ; days are UTC days.
          </p>
        )}
      </div>
    </>
  )
}

type Query<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }

function OverviewCards({ query, onRetry }: { query: Query<StatsOverview>; onRetry: () => void }) {
  if (query.isError) {
    return (
      <div className="card">
        <ErrorNotice error={query.error} onRetry={onRetry} title="Could not load the overview" />
      </div>
    )
  }
  const o = query.data
  return (
    <section
      aria-label="Overview"
      aria-busy={query.isPending}
      className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3"
    >
      {!o ? (
        Array.from({ length: 6 }, (_, i) => <StatCardSkeleton key={i} />)
      ) : (
        <>
          <StatCard
            label="Users"
            icon="users"
            value={formatCount(o.users.total)}
            detail={`${formatCount(o.users.active)} active · ${formatCount(o.users.suspended)} suspended`}
          />
          <StatCard
            label="Storage used"
            icon="folder"
            value={formatBytes(o.stored_bytes)}
            detail={plural(o.files, 'file')}
          />
          <StatCard
            label="Active transfers"
            icon="link"
            value={formatCount(o.active_transfers)}
            detail="Shared and not expired"
          />
          <StatCard
            label="Uploads, last 24 h"
            icon="upload"
            value={formatCount(o.last24h.uploads)}
            detail={formatBytes(o.last24h.upload_bytes)}
          />
          <StatCard
            label="Downloads, last 24 h"
            icon="download"
            value={formatCount(o.last24h.downloads)}
            detail={formatBytes(o.last24h.download_bytes)}
          />
          <StatCard
            label="Failed sign-ins, last 24 h"
            icon={o.last24h.failed_logins > 0 ? 'alert' : 'shield'}
            tone={o.last24h.failed_logins >= 20 ? 'alert' : o.last24h.failed_logins > 0 ? 'warn' : 'neutral'}
            value={formatCount(o.last24h.failed_logins)}
            detail={`${formatCount(o.last24h.sign_ins)} successful sign-ins`}
          />
        </>
      )}
    </section>
  )
}

type ActivityQuery = Query<Awaited<ReturnType<typeof statsActivity>>>

function Traffic({ query, days }: { query: ActivityQuery; days: number }) {
  const [metric, setMetric] = useState<Metric>('count')
  const colors = palette(useIsDark())
  const data = query.data
  const series = useMemo(() => (data ? chartDays(data.items, data.from, data.to) : []), [data])
  const totals = data?.totals
  return (
    <Section
      title="Uploads and downloads"
      description={
        totals
          ? `${plural(totals.uploads, 'upload')} (${formatBytes(totals.upload_bytes)}) and ${plural(totals.downloads, 'download')} (${formatBytes(totals.download_bytes)}) in the last ${data?.days ?? days} days`
          : `Per day, last ${days} days`
      }
      actions={
        <Segmented
          label="Measure"
          value={metric}
          options={[
            { value: 'count', label: 'Files' },
            { value: 'bytes', label: 'Bytes' },
          ]}
          onChange={setMetric}
        />
      }
    >
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} title="Could not load activity" />
      ) : !data ? (
        <ChartSkeleton height="h-72" />
      ) : isQuiet(series) ? (
        <EmptyState compact icon="activity" title="No activity yet">
          Uploads, downloads and sign-ins will show up here day by day.
        </EmptyState>
      ) : (
        <div className="px-2 pt-4 pb-3 sm:px-4">
          <div className="mb-2 flex gap-4 px-3">
            <LegendDot color={colors.uploads}>Uploads</LegendDot>
            <LegendDot color={colors.downloads}>Downloads</LegendDot>
          </div>
          <ChartFigure
            summary={trafficSummary(series)}
            table={
              <HiddenTable
                caption="Uploads and downloads per day"
                headers={['Day', 'Uploads', 'Uploaded', 'Downloads', 'Downloaded']}
                rows={series.map((d) => [
                  longDayLabel(d.date),
                  d.uploads,
                  formatBytes(d.upload_bytes),
                  d.downloads,
                  formatBytes(d.download_bytes),
                ])}
              />
            }
          >
            <TrafficChart days={series} metric={metric} />
          </ChartFigure>
        </div>
      )}
    </Section>
  )
}

function FailedLogins({ query }: { query: ActivityQuery }) {
  const data = query.data
  const series = useMemo(() => (data ? chartDays(data.items, data.from, data.to) : []), [data])
  const colors = palette(useIsDark())
  const total = data?.totals.failed_logins ?? 0
  const spikes = series.filter((d) => d.spike).length
  return (
    <Section
      title="Failed sign-ins"
      description={
        data
          ? `${formatCount(total)} in this period${spikes > 0 ? `, ${spikes} unusual ${spikes === 1 ? 'day' : 'days'}` : ''}`
          : 'Per day'
      }
    >
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} title="Could not load sign-ins" />
      ) : !data ? (
        <ChartSkeleton height="h-56" />
      ) : total === 0 ? (
        <EmptyState compact icon="shield" title="No failed sign-ins">
          Nobody got a password or second factor wrong in this period.
        </EmptyState>
      ) : (
        <div className="px-2 pt-4 pb-3 sm:px-4">
          <div className="mb-2 flex flex-wrap gap-4 px-3">
            <LegendDot color={colors.failed}>Failed sign-ins</LegendDot>
            <LegendDot color={colors.spike}>Unusual day</LegendDot>
          </div>
          <ChartFigure
            summary={failedLoginSummary(series)}
            table={
              <HiddenTable
                caption="Failed sign-ins per day"
                headers={['Day', 'Failed sign-ins', 'Sign-ins', 'Unusual']}
                rows={series.map((d) => [longDayLabel(d.date), d.failed_logins, d.sign_ins, d.spike ? 'yes' : 'no'])}
              />
            }
          >
            <FailedLoginsChart days={series} />
          </ChartFigure>
        </div>
      )}
    </Section>
  )
}

function Storage({ query }: { query: Query<Awaited<ReturnType<typeof statsStorage>>> }) {
  const rows = useMemo(() => storageRows((query.data?.items ?? []).filter((item) => item.bytes > 0)), [query.data])
  return (
    <Section
      title="Storage by user"
      description={`The ${STORAGE_LIMIT} accounts using the most space, against their quota`}
    >
      {query.isError ? (
        <ErrorNotice error={query.error} onRetry={() => void query.refetch()} title="Could not load storage" />
      ) : !query.data ? (
        <ChartSkeleton height="h-56" />
      ) : rows.length === 0 ? (
        <EmptyState compact icon="folder" title="Nothing stored yet">
          Once people upload files, the biggest accounts show up here.
        </EmptyState>
      ) : (
        <div className="px-2 pt-4 pb-3 sm:px-4">
          <ChartFigure
            summary={`Storage used by the ${rows.length} biggest ${rows.length === 1 ? 'account' : 'accounts'}.`}
            table={
              <HiddenTable
                caption="Storage by user"
                headers={['User', 'Used', 'Files', 'Quota']}
                rows={rows.map((r) => [
                  r.label === r.email ? r.email : `${r.label} (${r.email})`,
                  formatBytes(r.bytes),
                  r.files,
                  r.quota == null
                    ? 'Unlimited'
                    : `${formatBytes(r.quota)} (${r.percent == null ? '' : Math.round(r.percent)}% used)`,
                ])}
              />
            }
          >
            <StorageChart rows={rows} />
          </ChartFigure>
        </div>
      )}
    </Section>
  )
}
