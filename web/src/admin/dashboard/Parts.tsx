import type { ReactNode } from 'react'
import { Icon, type IconName } from '../../ui/Icon'

export type Tone = 'neutral' | 'warn' | 'alert'

const TONE_ICON: Record<Tone, string> = {
  neutral: 'bg-accent-50 text-accent-700 dark:bg-accent-950/70 dark:text-accent-300',
  warn: 'bg-amber-50 text-amber-700 dark:bg-amber-950/60 dark:text-amber-300',
  alert: 'bg-red-50 text-red-700 dark:bg-red-950/60 dark:text-red-300',
}

export function StatCard({
  label,
  value,
  detail,
  icon,
  tone = 'neutral',
}: {
  label: string
  value: string
  detail?: ReactNode
  icon: IconName
  tone?: Tone
}) {
  return (
    <div
      className={`card flex flex-col gap-3 p-4 sm:p-5 ${tone === 'alert' ? 'ring-1 ring-red-200 dark:ring-red-900/70' : ''}`}
    >
      <div className="flex items-start justify-between gap-2">
        <p className="text-[13px] leading-5 font-medium muted">{label}</p>
        <span
          className={`flex size-8 shrink-0 items-center justify-center rounded-lg ${TONE_ICON[tone]}`}
          aria-hidden="true"
        >
          <Icon name={icon} className="size-[17px]" />
        </span>
      </div>
      <div className="min-w-0">
        <p className="truncate text-2xl font-semibold tracking-tight text-zinc-900 tabular-nums sm:text-[28px] dark:text-white">
          {value}
        </p>
        {detail && <p className="mt-0.5 text-[13px] leading-5 muted">{detail}</p>}
      </div>
    </div>
  )
}

export function StatCardSkeleton() {
  return (
    <div className="card flex animate-pulse flex-col gap-4 p-4 sm:p-5" aria-hidden="true">
      <div className="flex justify-between">
        <div className="h-3.5 w-24 rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="size-8 rounded-lg bg-zinc-100 dark:bg-zinc-800/70" />
      </div>
      <div className="h-7 w-20 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-3 w-28 rounded bg-zinc-100 dark:bg-zinc-800/70" />
    </div>
  )
}

export function ChartSkeleton({ height }: { height: 'h-56' | 'h-72' }) {
  return (
    <div className={`flex animate-pulse items-end gap-1.5 px-5 pt-6 pb-5 sm:px-6 ${height}`} aria-hidden="true">
      {[40, 55, 35, 70, 50, 80, 60, 45, 75, 65, 50, 85, 55, 70].map((h, i) => (
        <div key={i} className={`flex-1 rounded-t bg-zinc-100 dark:bg-zinc-800/70 ${BAR_HEIGHTS[h]}`} />
      ))}
    </div>
  )
}

/** Static classes (Tailwind finds them in the source); heights as a share of the box. */
const BAR_HEIGHTS: Record<number, string> = {
  35: 'h-[35%]',
  40: 'h-[40%]',
  45: 'h-[45%]',
  50: 'h-[50%]',
  55: 'h-[55%]',
  60: 'h-[60%]',
  65: 'h-[65%]',
  70: 'h-[70%]',
  75: 'h-[75%]',
  80: 'h-[80%]',
  85: 'h-[85%]',
}

export function Segmented<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: T
  options: { value: T; label: string }[]
  onChange: (value: T) => void
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-lg border border-zinc-200 bg-zinc-100/80 p-0.5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {options.map((option) => {
        const selected = option.value === value
        return (
          <button
            key={String(option.value)}
            type="button"
            aria-pressed={selected}
            onClick={() => onChange(option.value)}
            className={`h-8 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors ${
              selected
                ? 'bg-white text-zinc-900 shadow-xs dark:bg-zinc-700 dark:text-white'
                : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
            }`}
          >
            {option.label}
          </button>
        )
      })}
    </div>
  )
}

export function LegendDot({ color, children }: { color: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-300">
      <svg className="size-2.5" viewBox="0 0 10 10" aria-hidden="true">
        <circle cx="5" cy="5" r="5" fill={color} />
      </svg>
      {children}
    </span>
  )
}

/** A chart for the eyes plus the same figures as a sentence and a table for screen readers. */
export function ChartFigure({ summary, table, children }: { summary: string; table: ReactNode; children: ReactNode }) {
  return (
    <figure className="m-0">
      <div aria-hidden="true">{children}</div>
      <figcaption className="sr-only">{summary}</figcaption>
      {table}
    </figure>
  )
}

export function HiddenTable({
  caption,
  headers,
  rows,
}: {
  caption: string
  headers: string[]
  rows: (string | number)[][]
}) {
  // A table ignores width and overflow, so the box that hides it is a div around it.
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
