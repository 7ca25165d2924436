import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
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
import { chartDays, failedLoginSummary, formatCount, isQuiet, longDayLabel, storageRows, trafficSummary } from './shape'

const RANGES = [7, 30, 90] as const
type Range = (typeof RANGES)[number]

const STORAGE_LIMIT = 10

function rangeFrom(value: string | null): Range {
  const days = Number(value)
  return (RANGES as readonly number[]).includes(days) ? (days as Range) : 30
}

export function DashboardPage() {
  const intl = useIntl()
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
        title={intl.formatMessage({ id: 'admin.dashboardPage.dashboard', defaultMessage: 'Dashboard' })}
        description={intl.formatMessage({
          id: 'admin.dashboardPage.accountsStorageAndTraffic',
          defaultMessage: 'Accounts, storage and traffic on this Ferry server.',
        })}
        actions={
          <>
            <Segmented
              label={intl.formatMessage({ id: 'admin.dashboardPage.timeRange', defaultMessage: 'Time range' })}
              value={days}
              options={RANGES.map((n) => ({
                value: n,
                label: intl.formatMessage(
                  { id: 'admin.dashboard.rangeDays', defaultMessage: '{days, plural, one {# day} other {# days}}' },
                  { days: n },
                ),
              }))}
              onChange={(n) => setParams(n === 30 ? {} : { days: String(n) }, { replace: true })}
            />
            <IconButton
              icon="refresh"
              label={intl.formatMessage({ id: 'admin.dashboardPage.refresh', defaultMessage: 'Refresh' })}
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
            <FormattedMessage
              id="admin.dashboard.asOf"
              defaultMessage="Figures as of {time, time, short}; days are UTC days."
              values={{ time: new Date(overview.data.generated_at) }}
            />
          </p>
        )}
      </div>
    </>
  )
}

// Column headings of the charts' accessible tables.
const headers = defineMessages({
  day: { id: 'admin.dashboard.col.day', defaultMessage: 'Day' },
  uploads: { id: 'admin.dashboard.col.uploads', defaultMessage: 'Uploads' },
  uploaded: { id: 'admin.dashboard.col.uploaded', defaultMessage: 'Uploaded' },
  downloads: { id: 'admin.dashboard.col.downloads', defaultMessage: 'Downloads' },
  downloaded: { id: 'admin.dashboard.col.downloaded', defaultMessage: 'Downloaded' },
  failedSignIns: { id: 'admin.dashboard.col.failedSignIns', defaultMessage: 'Failed sign-ins' },
  signIns: { id: 'admin.dashboard.col.signIns', defaultMessage: 'Sign-ins' },
  unusual: { id: 'admin.dashboard.col.unusual', defaultMessage: 'Unusual' },
  yes: { id: 'admin.dashboard.col.yes', defaultMessage: 'yes' },
  no: { id: 'admin.dashboard.col.no', defaultMessage: 'no' },
  user: { id: 'admin.dashboard.col.user', defaultMessage: 'User' },
  used: { id: 'admin.dashboard.col.used', defaultMessage: 'Used' },
  files: { id: 'admin.dashboard.col.files', defaultMessage: 'Files' },
  quota: { id: 'admin.dashboard.col.quota', defaultMessage: 'Quota' },
})

type Query<T> = { data: T | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown }

function OverviewCards({ query, onRetry }: { query: Query<StatsOverview>; onRetry: () => void }) {
  const intl = useIntl()
  if (query.isError) {
    return (
      <div className="card">
        <ErrorNotice
          error={query.error}
          onRetry={onRetry}
          title={intl.formatMessage({
            id: 'admin.dashboardPage.couldNotLoadThe',
            defaultMessage: 'Could not load the overview',
          })}
        />
      </div>
    )
  }
  const o = query.data
  return (
    <section
      aria-label={intl.formatMessage({ id: 'admin.dashboardPage.overview', defaultMessage: 'Overview' })}
      aria-busy={query.isPending}
      className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-3"
    >
      {!o ? (
        Array.from({ length: 6 }, (_, i) => <StatCardSkeleton key={i} />)
      ) : (
        <>
          <StatCard
            label={intl.formatMessage({ id: 'admin.dashboardPage.users', defaultMessage: 'Users' })}
            icon="users"
            value={formatCount(o.users.total)}
            detail={intl.formatMessage(
              {
                id: 'admin.dashboard.usersDetail',
                defaultMessage: '{active, number} active · {suspended, number} suspended',
              },
              { active: o.users.active, suspended: o.users.suspended },
            )}
          />
          <StatCard
            label={intl.formatMessage({ id: 'admin.dashboardPage.storageUsed', defaultMessage: 'Storage used' })}
            icon="folder"
            value={formatBytes(o.stored_bytes)}
            detail={intl.formatMessage(
              { id: 'admin.dashboard.files', defaultMessage: '{count, plural, one {# file} other {# files}}' },
              { count: o.files },
            )}
          />
          <StatCard
            label={intl.formatMessage({
              id: 'admin.dashboardPage.activeTransfers',
              defaultMessage: 'Active transfers',
            })}
            icon="link"
            value={formatCount(o.active_transfers)}
            detail={intl.formatMessage({
              id: 'admin.dashboard.activeDetail',
              defaultMessage: 'Shared and not expired',
            })}
          />
          <StatCard
            label={intl.formatMessage({
              id: 'admin.dashboardPage.uploadsLast24H',
              defaultMessage: 'Uploads, last 24 h',
            })}
            icon="upload"
            value={formatCount(o.last24h.uploads)}
            detail={formatBytes(o.last24h.upload_bytes)}
          />
          <StatCard
            label={intl.formatMessage({
              id: 'admin.dashboardPage.downloadsLast24H',
              defaultMessage: 'Downloads, last 24 h',
            })}
            icon="download"
            value={formatCount(o.last24h.downloads)}
            detail={formatBytes(o.last24h.download_bytes)}
          />
          <StatCard
            label={intl.formatMessage({
              id: 'admin.dashboardPage.failedSignInsLast',
              defaultMessage: 'Failed sign-ins, last 24 h',
            })}
            icon={o.last24h.failed_logins > 0 ? 'alert' : 'shield'}
            tone={o.last24h.failed_logins >= 20 ? 'alert' : o.last24h.failed_logins > 0 ? 'warn' : 'neutral'}
            value={formatCount(o.last24h.failed_logins)}
            detail={intl.formatMessage(
              {
                id: 'admin.dashboard.signIns',
                defaultMessage: '{count, plural, one {# successful sign-in} other {# successful sign-ins}}',
              },
              { count: o.last24h.sign_ins },
            )}
          />
        </>
      )}
    </section>
  )
}

type ActivityQuery = Query<Awaited<ReturnType<typeof statsActivity>>>

function Traffic({ query, days }: { query: ActivityQuery; days: number }) {
  const intl = useIntl()
  const [metric, setMetric] = useState<Metric>('count')
  const colors = palette(useIsDark())
  const data = query.data
  const series = useMemo(() => (data ? chartDays(data.items, data.from, data.to) : []), [data])
  const totals = data?.totals
  return (
    <Section
      title={intl.formatMessage({
        id: 'admin.dashboardPage.uploadsAndDownloads',
        defaultMessage: 'Uploads and downloads',
      })}
      description={
        totals
          ? intl.formatMessage(
              {
                id: 'admin.dashboard.trafficTotals',
                defaultMessage:
                  '{uploads, plural, one {# upload} other {# uploads}} ({uploadBytes}) and {downloads, plural, one {# download} other {# downloads}} ({downloadBytes}) in the last {days, plural, one {# day} other {# days}}',
              },
              {
                uploads: totals.uploads,
                uploadBytes: formatBytes(totals.upload_bytes),
                downloads: totals.downloads,
                downloadBytes: formatBytes(totals.download_bytes),
                days: data?.days ?? days,
              },
            )
          : intl.formatMessage(
              {
                id: 'admin.dashboard.perDayLast',
                defaultMessage: 'Per day, last {days, plural, one {# day} other {# days}}',
              },
              { days },
            )
      }
      actions={
        <Segmented
          label={intl.formatMessage({ id: 'admin.dashboardPage.measure', defaultMessage: 'Measure' })}
          value={metric}
          options={[
            {
              value: 'count',
              label: intl.formatMessage({ id: 'admin.dashboard.metricFiles', defaultMessage: 'Files' }),
            },
            {
              value: 'bytes',
              label: intl.formatMessage({ id: 'admin.dashboard.metricBytes', defaultMessage: 'Bytes' }),
            },
          ]}
          onChange={setMetric}
        />
      }
    >
      {query.isError ? (
        <ErrorNotice
          error={query.error}
          onRetry={() => void query.refetch()}
          title={intl.formatMessage({
            id: 'admin.dashboardPage.couldNotLoadActivity',
            defaultMessage: 'Could not load activity',
          })}
        />
      ) : !data ? (
        <ChartSkeleton height="h-72" />
      ) : isQuiet(series) ? (
        <EmptyState
          compact
          icon="activity"
          title={intl.formatMessage({ id: 'admin.dashboardPage.noActivityYet', defaultMessage: 'No activity yet' })}
        >
          <FormattedMessage
            id="admin.dashboardPage.uploadsDownloadsAndSign"
            defaultMessage="Uploads, downloads and sign-ins will show up here day by day."
          />
        </EmptyState>
      ) : (
        <div className="px-2 pt-4 pb-3 sm:px-4">
          <div className="mb-2 flex gap-4 px-3">
            <LegendDot color={colors.uploads}>
              <FormattedMessage id="admin.dashboardPage.uploads" defaultMessage="Uploads" />
            </LegendDot>
            <LegendDot color={colors.downloads}>
              <FormattedMessage id="admin.dashboardPage.downloads" defaultMessage="Downloads" />
            </LegendDot>
          </div>
          <ChartFigure
            summary={trafficSummary(intl, series)}
            table={
              <HiddenTable
                caption={intl.formatMessage({
                  id: 'admin.dashboard.trafficCaption',
                  defaultMessage: 'Uploads and downloads per day',
                })}
                headers={[
                  intl.formatMessage(headers.day),
                  intl.formatMessage(headers.uploads),
                  intl.formatMessage(headers.uploaded),
                  intl.formatMessage(headers.downloads),
                  intl.formatMessage(headers.downloaded),
                ]}
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
  const intl = useIntl()
  const data = query.data
  const series = useMemo(() => (data ? chartDays(data.items, data.from, data.to) : []), [data])
  const colors = palette(useIsDark())
  const total = data?.totals.failed_logins ?? 0
  const spikes = series.filter((d) => d.spike).length
  return (
    <Section
      title={intl.formatMessage({ id: 'admin.dashboardPage.failedSignIns', defaultMessage: 'Failed sign-ins' })}
      description={
        data
          ? intl.formatMessage(
              {
                id: 'admin.dashboard.failedTotals',
                defaultMessage:
                  '{spikes, plural, =0 {{total, number} in this period} one {{total, number} in this period, # unusual day} other {{total, number} in this period, # unusual days}}',
              },
              { total, spikes },
            )
          : intl.formatMessage({ id: 'admin.dashboard.perDay', defaultMessage: 'Per day' })
      }
    >
      {query.isError ? (
        <ErrorNotice
          error={query.error}
          onRetry={() => void query.refetch()}
          title={intl.formatMessage({
            id: 'admin.dashboardPage.couldNotLoadSign',
            defaultMessage: 'Could not load sign-ins',
          })}
        />
      ) : !data ? (
        <ChartSkeleton height="h-56" />
      ) : total === 0 ? (
        <EmptyState
          compact
          icon="shield"
          title={intl.formatMessage({
            id: 'admin.dashboardPage.noFailedSignIns',
            defaultMessage: 'No failed sign-ins',
          })}
        >
          <FormattedMessage
            id="admin.dashboardPage.nobodyGotAPassword"
            defaultMessage="Nobody got a password or second factor wrong in this period."
          />
        </EmptyState>
      ) : (
        <div className="px-2 pt-4 pb-3 sm:px-4">
          <div className="mb-2 flex flex-wrap gap-4 px-3">
            <LegendDot color={colors.failed}>
              <FormattedMessage id="admin.dashboardPage.failedSignIns" defaultMessage="Failed sign-ins" />
            </LegendDot>
            <LegendDot color={colors.spike}>
              <FormattedMessage id="admin.dashboardPage.unusualDay" defaultMessage="Unusual day" />
            </LegendDot>
          </div>
          <ChartFigure
            summary={failedLoginSummary(intl, series)}
            table={
              <HiddenTable
                caption={intl.formatMessage({
                  id: 'admin.dashboard.failedCaption',
                  defaultMessage: 'Failed sign-ins per day',
                })}
                headers={[
                  intl.formatMessage(headers.day),
                  intl.formatMessage(headers.failedSignIns),
                  intl.formatMessage(headers.signIns),
                  intl.formatMessage(headers.unusual),
                ]}
                rows={series.map((d) => [
                  longDayLabel(d.date),
                  d.failed_logins,
                  d.sign_ins,
                  d.spike ? intl.formatMessage(headers.yes) : intl.formatMessage(headers.no),
                ])}
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
  const intl = useIntl()
  const rows = useMemo(
    () =>
      storageRows(
        (query.data?.items ?? []).filter((item) => item.bytes > 0),
        intl,
      ),
    [query.data, intl],
  )
  return (
    <Section
      title={intl.formatMessage({ id: 'admin.dashboardPage.storageByUser', defaultMessage: 'Storage by user' })}
      description={intl.formatMessage(
        {
          id: 'admin.dashboardPage.theStoragelimitAccountsUsing',
          defaultMessage: 'The {limit} accounts using the most space, against their quota',
        },
        { limit: STORAGE_LIMIT },
      )}
    >
      {query.isError ? (
        <ErrorNotice
          error={query.error}
          onRetry={() => void query.refetch()}
          title={intl.formatMessage({
            id: 'admin.dashboardPage.couldNotLoadStorage',
            defaultMessage: 'Could not load storage',
          })}
        />
      ) : !query.data ? (
        <ChartSkeleton height="h-56" />
      ) : rows.length === 0 ? (
        <EmptyState
          compact
          icon="folder"
          title={intl.formatMessage({
            id: 'admin.dashboardPage.nothingStoredYet',
            defaultMessage: 'Nothing stored yet',
          })}
        >
          <FormattedMessage
            id="admin.dashboardPage.oncePeopleUploadFiles"
            defaultMessage="Once people upload files, the biggest accounts show up here."
          />
        </EmptyState>
      ) : (
        <div className="px-2 pt-4 pb-3 sm:px-4">
          <ChartFigure
            summary={intl.formatMessage(
              {
                id: 'admin.dashboard.storageSummary',
                defaultMessage:
                  '{count, plural, one {Storage used by the # biggest account.} other {Storage used by the # biggest accounts.}}',
              },
              { count: rows.length },
            )}
            table={
              <HiddenTable
                caption={intl.formatMessage({
                  id: 'admin.dashboardPage.storageByUser',
                  defaultMessage: 'Storage by user',
                })}
                headers={[
                  intl.formatMessage(headers.user),
                  intl.formatMessage(headers.used),
                  intl.formatMessage(headers.files),
                  intl.formatMessage(headers.quota),
                ]}
                rows={rows.map((r) => [
                  r.label === r.email
                    ? r.email
                    : intl.formatMessage(
                        { id: 'admin.dashboard.userWithEmail', defaultMessage: '{name} ({email})' },
                        { name: r.label, email: r.email },
                      ),
                  formatBytes(r.bytes),
                  r.files,
                  r.quota == null
                    ? intl.formatMessage({ id: 'admin.dashboard.unlimited', defaultMessage: 'Unlimited' })
                    : intl.formatMessage(
                        { id: 'admin.dashboard.quotaUsed', defaultMessage: '{quota} ({percent}% used)' },
                        { quota: formatBytes(r.quota), percent: r.percent == null ? '' : Math.round(r.percent) },
                      ),
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
