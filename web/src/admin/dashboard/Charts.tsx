import { defineMessages, useIntl } from 'react-intl'
import type { ReactNode } from 'react'
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatBytes } from '../../lib/format'
import { useIsDark } from '../../lib/theme'
import { palette } from './palette'
import { formatCount, longDayLabel, type ChartDay, type StorageRow } from './shape'

export type Metric = 'count' | 'bytes'

/** The data row under the pointer, if any. */
// Tooltip labels of the charts.
const labels = defineMessages<
  Record<
    | 'uploads'
    | 'downloads'
    | 'countAndBytes'
    | 'failed'
    | 'failedUnusual'
    | 'signIns'
    | 'used'
    | 'files'
    | 'quota'
    | 'unlimited',
    Record<string, string | number>
  >
>({
  uploads: { id: 'admin.dashboard.tip.uploads', defaultMessage: 'Uploads' },
  downloads: { id: 'admin.dashboard.tip.downloads', defaultMessage: 'Downloads' },
  countAndBytes: { id: 'admin.dashboard.tip.countAndBytes', defaultMessage: '{count} · {bytes}' },
  failed: { id: 'admin.dashboard.tip.failed', defaultMessage: 'Failed sign-ins' },
  failedUnusual: { id: 'admin.dashboard.tip.failedUnusual', defaultMessage: 'Failed sign-ins (unusual)' },
  signIns: { id: 'admin.dashboard.tip.signIns', defaultMessage: 'Sign-ins' },
  used: { id: 'admin.dashboard.tip.used', defaultMessage: 'Used' },
  files: { id: 'admin.dashboard.tip.files', defaultMessage: 'Files' },
  quota: { id: 'admin.dashboard.tip.quota', defaultMessage: 'Quota' },
  unlimited: { id: 'admin.dashboard.tip.unlimited', defaultMessage: 'Unlimited' },
})

function hovered<T>(active: boolean | undefined, payload: readonly { payload?: unknown }[] | undefined): T | null {
  const entry = active ? payload?.[0] : undefined
  return (entry?.payload as T | undefined) ?? null
}

/** Tooltip content with our own classes (no inline styles of ours, as the CSP wants). */
function TipBox({ title, rows }: { title: ReactNode; rows: { label: string; value: string; color?: string }[] }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white/95 px-3 py-2 text-sm shadow-lg backdrop-blur dark:border-zinc-700 dark:bg-zinc-900/95">
      <p className="mb-1 font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      {rows.map((row) => (
        <p key={row.label} className="flex items-center justify-between gap-4 tabular-nums">
          <span className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-300">
            {row.color && (
              <svg className="size-2.5" viewBox="0 0 10 10" aria-hidden="true">
                <circle cx="5" cy="5" r="5" fill={row.color} />
              </svg>
            )}
            {row.label}
          </span>
          <span className="font-medium text-zinc-900 dark:text-zinc-100">{row.value}</span>
        </p>
      ))}
    </div>
  )
}

const axisBytes = (value: number) => (value === 0 ? '0' : formatBytes(value))

/** Ticks every few days so a 90-day axis stays readable on a phone. */
function tickInterval(days: number): number {
  return days <= 7 ? 0 : days <= 31 ? 4 : 14
}

export function TrafficChart({ days, metric }: { days: ChartDay[]; metric: Metric }) {
  const intl = useIntl()
  const colors = palette(useIsDark())
  const up = metric === 'count' ? 'uploads' : 'upload_bytes'
  const down = metric === 'count' ? 'downloads' : 'download_bytes'
  return (
    <ResponsiveContainer width="100%" height={280}>
      <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <defs>
          <linearGradient id="fill-uploads" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={colors.uploads} stopOpacity={0.35} />
            <stop offset="100%" stopColor={colors.uploads} stopOpacity={0.02} />
          </linearGradient>
          <linearGradient id="fill-downloads" x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={colors.downloads} stopOpacity={0.3} />
            <stop offset="100%" stopColor={colors.downloads} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis
          dataKey="label"
          tickLine={false}
          axisLine={false}
          tick={{ fill: colors.tick, fontSize: 12 }}
          interval={tickInterval(days.length)}
          minTickGap={12}
          padding={{ left: 4, right: 18 }}
        />
        <YAxis
          tickLine={false}
          axisLine={false}
          width={metric === 'bytes' ? 64 : 40}
          allowDecimals={false}
          tick={{ fill: colors.tick, fontSize: 12 }}
          tickFormatter={metric === 'bytes' ? axisBytes : formatCount}
        />
        <Tooltip
          cursor={{ stroke: colors.grid, strokeWidth: 1 }}
          content={({ active, payload }) => {
            const day = hovered<ChartDay>(active, payload)
            if (!day) return null
            return (
              <TipBox
                title={longDayLabel(day.date)}
                rows={[
                  {
                    label: intl.formatMessage(labels.uploads),
                    value: intl.formatMessage(labels.countAndBytes, {
                      count: formatCount(day.uploads),
                      bytes: formatBytes(day.upload_bytes),
                    }),
                    color: colors.uploads,
                  },
                  {
                    label: intl.formatMessage(labels.downloads),
                    value: intl.formatMessage(labels.countAndBytes, {
                      count: formatCount(day.downloads),
                      bytes: formatBytes(day.download_bytes),
                    }),
                    color: colors.downloads,
                  },
                ]}
              />
            )
          }}
        />
        <Area
          type="monotone"
          dataKey={up}
          name="Uploads"
          stroke={colors.uploads}
          strokeWidth={2}
          fill="url(#fill-uploads)"
          activeDot={{ r: 4 }}
          isAnimationActive={false}
        />
        <Area
          type="monotone"
          dataKey={down}
          name="Downloads"
          stroke={colors.downloads}
          strokeWidth={2}
          fill="url(#fill-downloads)"
          activeDot={{ r: 4 }}
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  )
}

export function FailedLoginsChart({ days }: { days: ChartDay[] }) {
  const intl = useIntl()
  const colors = palette(useIsDark())
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis
          dataKey="label"
          tickLine={false}
          axisLine={false}
          tick={{ fill: colors.tick, fontSize: 12 }}
          interval={tickInterval(days.length)}
          minTickGap={12}
        />
        <YAxis
          tickLine={false}
          axisLine={false}
          width={32}
          allowDecimals={false}
          tick={{ fill: colors.tick, fontSize: 12 }}
        />
        <Tooltip
          cursor={{ fill: colors.cursor }}
          content={({ active, payload }) => {
            const day = hovered<ChartDay>(active, payload)
            if (!day) return null
            return (
              <TipBox
                title={longDayLabel(day.date)}
                rows={[
                  {
                    label: day.spike ? intl.formatMessage(labels.failedUnusual) : intl.formatMessage(labels.failed),
                    value: formatCount(day.failed_logins),
                    color: day.spike ? colors.spike : colors.failed,
                  },
                  { label: intl.formatMessage(labels.signIns), value: formatCount(day.sign_ins) },
                ]}
              />
            )
          }}
        />
        <Bar
          dataKey="failed_logins"
          name={intl.formatMessage(labels.failed)}
          radius={[3, 3, 0, 0]}
          maxBarSize={28}
          isAnimationActive={false}
        >
          {days.map((day) => (
            <Cell key={day.date} fill={day.spike ? colors.spike : colors.failed} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}

interface TickProps {
  x?: number | string
  y?: number | string
  index?: number
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** Two lines per account: who, then how much of their quota. */
function StorageTick({ x, y, index, rows }: TickProps & { rows: StorageRow[] }) {
  const row = index == null ? undefined : rows[index]
  if (!row) return <g />
  return (
    <g transform={`translate(${Number(x)},${Number(y)})`}>
      <text x={-10} y={-3} textAnchor="end" className="chart-tick-strong">
        <title>{row.email}</title>
        {clip(row.label, 21)}
      </text>
      <text x={-10} y={13} textAnchor="end" className="chart-tick">
        {row.summary}
      </text>
    </g>
  )
}

export function StorageChart({ rows }: { rows: StorageRow[] }) {
  const intl = useIntl()
  const colors = palette(useIsDark())
  const fill = (row: StorageRow) =>
    row.level === 'full' ? colors.storageFull : row.level === 'high' ? colors.storageHigh : colors.storage
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 52 + 8)}>
      <BarChart
        data={rows}
        layout="vertical"
        margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
        barCategoryGap={14}
        accessibilityLayer={false}
      >
        <XAxis type="number" hide domain={[0, (max: number) => Math.max(1, max * 1.05)]} />
        <YAxis
          type="category"
          dataKey="label"
          width={172}
          tickLine={false}
          axisLine={false}
          tick={(props: TickProps) => <StorageTick {...props} rows={rows} />}
        />
        <Tooltip
          cursor={{ fill: colors.cursor }}
          content={({ active, payload }) => {
            const row = hovered<StorageRow>(active, payload)
            if (!row) return null
            return (
              <TipBox
                title={row.email}
                rows={[
                  { label: intl.formatMessage(labels.used), value: formatBytes(row.bytes), color: fill(row) },
                  { label: intl.formatMessage(labels.files), value: formatCount(row.files) },
                  {
                    label: intl.formatMessage(labels.quota),
                    value: row.quota == null ? intl.formatMessage(labels.unlimited) : formatBytes(row.quota),
                  },
                ]}
              />
            )
          }}
        />
        <Bar
          dataKey="bytes"
          name="Used"
          radius={[0, 4, 4, 0]}
          minPointSize={2}
          maxBarSize={22}
          isAnimationActive={false}
        >
          {rows.map((row) => (
            <Cell key={row.id} fill={fill(row)} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  )
}
