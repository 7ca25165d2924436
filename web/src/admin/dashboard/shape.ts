import type { ActivityDay, UserStorage } from '../../api/stats'
import { defineMessages, type IntlShape } from 'react-intl'
import { formatBytes, formatLocale, formatNumber } from '../../lib/format'

const DAY_MS = 86_400_000

const EMPTY = { uploads: 0, upload_bytes: 0, downloads: 0, download_bytes: 0, failed_logins: 0, sign_ins: 0 }

export interface ChartDay extends ActivityDay {
  /** "Nov 20" ("20. Nov." in German), for axis ticks. */
  label: string
  spike: boolean
}

const DAY: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', timeZone: 'UTC' }

const LONG_DAY: Intl.DateTimeFormatOptions = { ...DAY, weekday: 'short', year: 'numeric' }

const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** The day formatter for the UI's current language (the I18nProvider sets it in lib/format). */
function dayFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${formatLocale()}:${options === DAY ? 'day' : 'long'}`
  let format = dayFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(formatLocale(), options)
    dayFormats.set(key, format)
  }
  return format
}

function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS)
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

export const dayLabel = (date: string) => dayFormat(DAY).format(new Date(`${date}T00:00:00Z`))

export const longDayLabel = (date: string) => dayFormat(LONG_DAY).format(new Date(`${date}T00:00:00Z`))

/**
 * One entry per UTC day from `from` to `to` (inclusive), quiet days as zeros, in order;
 * entries outside the range are dropped, so a sparse or unordered answer still charts right.
 */
export function fillDays(items: ActivityDay[], from: string, to: string): ActivityDay[] {
  const byDay = new Map(items.map((item) => [item.date, item]))
  const days: ActivityDay[] = []
  for (let day = epochDay(from); day <= epochDay(to); day++) {
    const date = isoDay(day)
    days.push({ ...EMPTY, ...byDay.get(date), date })
  }
  return days
}

/**
 * The failed-login count from which a day stands out: two standard deviations above the
 * period's mean, and never below `floor` so a handful of typos is not an alarm.
 */
export function spikeThreshold(counts: number[], floor = 5): number {
  if (counts.length === 0) return floor
  const mean = counts.reduce((sum, n) => sum + n, 0) / counts.length
  const variance = counts.reduce((sum, n) => sum + (n - mean) ** 2, 0) / counts.length
  return Math.max(floor, Math.ceil(mean + 2 * Math.sqrt(variance)))
}

export function chartDays(items: ActivityDay[], from: string, to: string): ChartDay[] {
  const days = fillDays(items, from, to)
  const threshold = spikeThreshold(days.map((d) => d.failed_logins))
  return days.map((day) => ({ ...day, label: dayLabel(day.date), spike: day.failed_logins >= threshold }))
}

export function isQuiet(days: ActivityDay[]): boolean {
  return days.every((d) => d.uploads === 0 && d.downloads === 0 && d.failed_logins === 0 && d.sign_ins === 0)
}

export interface StorageRow {
  id: string
  label: string
  email: string
  bytes: number
  files: number
  quota: number | null
  /** Share of the quota in use, 0-100 (null without a quota). */
  percent: number | null
  level: 'ok' | 'high' | 'full'
  summary: string
}

const messages = defineMessages<
  Record<
    | 'storageNoQuota'
    | 'storageOfQuota'
    | 'noDays'
    | 'noTraffic'
    | 'traffic'
    | 'noFailures'
    | 'failures'
    | 'failuresWithSpikes'
    | 'spikeDay',
    Record<string, string | number>
  >
>({
  storageNoQuota: { id: 'admin.dashboard.storageRowNoQuota', defaultMessage: '{used} · no quota' },
  storageOfQuota: { id: 'admin.dashboard.storageRowOfQuota', defaultMessage: '{used} · {percent} of {quota}' },
  noDays: { id: 'admin.dashboard.noDays', defaultMessage: 'No days to show.' },
  noTraffic: { id: 'admin.dashboard.noTraffic', defaultMessage: 'No uploads or downloads from {from} to {to}.' },
  traffic: {
    id: 'admin.dashboard.trafficSummary',
    defaultMessage:
      '{uploads, plural, one {# upload} other {# uploads}} and {downloads, plural, one {# download} other {# downloads}} from {from} to {to}; busiest day {busiest} with {busiestUploads, plural, one {# upload} other {# uploads}} and {busiestDownloads, plural, one {# download} other {# downloads}}.',
  },
  noFailures: { id: 'admin.dashboard.noFailures', defaultMessage: 'No failed sign-ins in this period.' },
  failures: {
    id: 'admin.dashboard.failureSummary',
    defaultMessage:
      '{total, plural, one {# failed sign-in} other {# failed sign-ins}} in this period; no unusual days.',
  },
  failuresWithSpikes: {
    id: 'admin.dashboard.failureSummarySpikes',
    defaultMessage:
      '{total, plural, one {# failed sign-in} other {# failed sign-ins}} in this period; unusual days: {spikes}.',
  },
  spikeDay: { id: 'admin.dashboard.spikeDay', defaultMessage: '{day} ({count, number})' },
})

export function storageRows(items: UserStorage[], intl: IntlShape): StorageRow[] {
  return items.map((item) => {
    const percent =
      item.quota_bytes == null
        ? null
        : item.quota_bytes === 0
          ? 100
          : Math.min(100, (item.bytes / item.quota_bytes) * 100)
    const level = percent == null || percent < 75 ? 'ok' : percent < 90 ? 'high' : 'full'
    const used = formatBytes(item.bytes)
    const summary =
      item.quota_bytes == null
        ? intl.formatMessage(messages.storageNoQuota, { used })
        : intl.formatMessage(messages.storageOfQuota, {
            used,
            percent: formatPercent(percent ?? 0),
            quota: formatBytes(item.quota_bytes),
          })
    return {
      id: item.user_id,
      label: item.name || item.email,
      email: item.email,
      bytes: item.bytes,
      files: item.files,
      quota: item.quota_bytes ?? null,
      percent,
      level,
      summary,
    }
  })
}

/** "37 %" in German, "٣٧٪" in Arabic; never 100 before the quota is full, never 0 for a little use. */
export function formatPercent(value: number): string {
  const percent = new Intl.NumberFormat(formatLocale(), { style: 'percent' })
  if (value === 0) return percent.format(0)
  if (value < 1) return `<${percent.format(0.01)}`
  return percent.format((value < 100 ? Math.min(99, Math.round(value)) : 100) / 100)
}

export function formatCount(value: number): string {
  return formatNumber(value)
}

/** One sentence a screen reader can say instead of the traffic chart. */
export function trafficSummary(intl: IntlShape, days: ChartDay[]): string {
  const first = days[0]
  const last = days[days.length - 1]
  if (!first || !last) return intl.formatMessage(messages.noDays)
  const uploads = days.reduce((sum, d) => sum + d.uploads, 0)
  const downloads = days.reduce((sum, d) => sum + d.downloads, 0)
  const busiest = days.reduce((best, d) => (d.uploads + d.downloads > best.uploads + best.downloads ? d : best), first)
  const from = longDayLabel(first.date)
  const to = longDayLabel(last.date)
  if (uploads + downloads === 0) return intl.formatMessage(messages.noTraffic, { from, to })
  return intl.formatMessage(messages.traffic, {
    uploads,
    downloads,
    from,
    to,
    busiest: longDayLabel(busiest.date),
    busiestUploads: busiest.uploads,
    busiestDownloads: busiest.downloads,
  })
}

export function failedLoginSummary(intl: IntlShape, days: ChartDay[]): string {
  const total = days.reduce((sum, d) => sum + d.failed_logins, 0)
  if (total === 0) return intl.formatMessage(messages.noFailures)
  const spikes = days.filter((d) => d.spike)
  if (spikes.length === 0) return intl.formatMessage(messages.failures, { total })
  const list = intl.formatList(
    spikes.map((d) => intl.formatMessage(messages.spikeDay, { day: longDayLabel(d.date), count: d.failed_logins })),
    { type: 'unit' },
  )
  return intl.formatMessage(messages.failuresWithSpikes, { total, spikes: list })
}
