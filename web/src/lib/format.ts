/**
 * Every number, size, duration and date the UI shows, in the language the user chose: the
 * I18nProvider sets the locale here, so callers keep calling these plain functions.
 */
let currentLocale = 'en'
const cache = new Map<string, unknown>()

export function setFormatLocale(locale: string): void {
  if (locale === currentLocale) return
  currentLocale = locale
  cache.clear()
}

export function formatLocale(): string {
  return currentLocale
}

/** One formatter per locale and options: building an Intl formatter is costly, using one is not. */
function memo<T>(key: string, create: (locale: string) => T): T {
  let formatter = cache.get(key) as T | undefined
  if (formatter === undefined) {
    formatter = create(currentLocale)
    cache.set(key, formatter)
  }
  return formatter
}

const unitFormat = (unit: string, display: 'long' | 'short', digits = 0) =>
  memo(
    `unit:${unit}:${display}:${digits}`,
    (locale) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: display, maximumFractionDigits: digits }),
  )

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const

/** Decimal units (1 kB = 1000 bytes), as file managers on macOS and most web apps show them. */
function scaled(bytes: number): { value: number; unit: number } {
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit++
  }
  return { value, unit }
}

/** "950 bytes", "1.5 kB", "52 MB"; in German "1,5 kB", in Arabic with its own digits and units. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  const { value, unit } = scaled(bytes)
  if (unit === 0) return unitFormat('byte', 'long').format(value)
  return unitFormat(UNITS[unit]!, 'short', value < 10 ? 1 : 0).format(value)
}

export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '—'
  const { value, unit } = scaled(Math.round(bytesPerSecond))
  return unitFormat(`${UNITS[unit]}-per-second`, 'short', unit > 0 && value < 10 ? 1 : 0).format(value)
}

type Duration = { days?: number; hours?: number; minutes?: number; seconds?: number }

interface DurationFormatter {
  format(duration: Duration): string
}

// Intl.DurationFormat is newer than the TypeScript library this project targets.
const DurationFormat = (
  Intl as unknown as { DurationFormat?: new (locale: string, options: object) => DurationFormatter }
).DurationFormat

function formatDuration(duration: Duration): string {
  if (DurationFormat)
    return memo('duration', (locale) => new DurationFormat(locale, { style: 'short' })).format(duration)
  const parts = (Object.entries(duration) as [string, number][]).map(([unit, n]) =>
    unitFormat(unit.slice(0, -1), 'short').format(n),
  )
  return memo('units', (locale) => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })).format(parts)
}

/** Remaining time as a person would say it: "45 sec", "3 min", "1 hr, 20 min". */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.ceil(seconds)
  if (s < 60) return formatDuration({ seconds: s })
  const minutes = Math.round(s / 60)
  if (minutes < 60) return formatDuration({ minutes })
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours < 24) return formatDuration(rest === 0 ? { hours } : { hours, minutes: rest })
  return formatDuration({ days: Math.floor(hours / 24), hours: hours % 24 })
}

/** A count with the locale's grouping: "12,345", "12.345", "١٢٬٣٤٥". */
export function formatNumber(value: number): string {
  return memo('number', (locale) => new Intl.NumberFormat(locale)).format(value)
}

/** Percentage with no false 100 % before the last byte. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0
  const p = Math.floor((done / total) * 100)
  return done < total ? Math.min(p, 99) : 100
}

function parse(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? undefined : date
}

const dateFormat = (key: string, options: Intl.DateTimeFormatOptions) =>
  memo(`date:${key}`, (locale) => new Intl.DateTimeFormat(locale, options))

export function formatDateTime(iso: string | null | undefined): string {
  const date = parse(iso)
  return date ? dateFormat('dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(date) : '—'
}

export function formatDate(iso: string | null | undefined): string {
  const date = parse(iso)
  return date ? dateFormat('date', { dateStyle: 'medium' }).format(date) : '—'
}

const STAMP: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
}

/** A compact time to the second for logs; the year only when it is not this year. */
export function formatTimestamp(iso: string | null | undefined, now: Date = new Date()): string {
  const date = parse(iso)
  if (!date) return '—'
  return date.getFullYear() === now.getFullYear()
    ? dateFormat('stamp', STAMP).format(date)
    : dateFormat('stampWithYear', { ...STAMP, year: 'numeric' }).format(date)
}

/** "now", "5 minutes ago", "yesterday"; falls back to the date after a week. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  const date = parse(iso)
  if (!date) return '—'
  const relative = memo('relative', (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
  const seconds = Math.round((date.getTime() - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 45) return relative.format(0, 'second')
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour')
  if (abs < 7 * 86400) return relative.format(Math.round(seconds / 86400), 'day')
  return formatDate(iso)
}

export type FileKind = 'image' | 'video' | 'audio' | 'document' | 'archive' | 'code' | 'other'

const EXTENSIONS: Record<Exclude<FileKind, 'other'>, string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'heic', 'avif', 'bmp', 'tif', 'tiff'],
  video: ['mp4', 'mov', 'mkv', 'webm', 'avi', 'm4v'],
  audio: ['mp3', 'wav', 'flac', 'ogg', 'm4a', 'aac'],
  document: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'txt', 'md', 'rtf', 'csv'],
  archive: ['zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'zst'],
  code: [
    'js',
    'ts',
    'tsx',
    'java',
    'py',
    'go',
    'rs',
    'c',
    'h',
    'cpp',
    'json',
    'xml',
    'yml',
    'yaml',
    'html',
    'css',
    'sh',
  ],
}

export function fileKind(name: string, contentType?: string | null): FileKind {
  const type = contentType ?? ''
  if (type.startsWith('image/')) return 'image'
  if (type.startsWith('video/')) return 'video'
  if (type.startsWith('audio/')) return 'audio'
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  for (const [kind, list] of Object.entries(EXTENSIONS)) {
    if (list.includes(ext)) return kind as FileKind
  }
  if (type === 'application/pdf' || type.startsWith('text/')) return 'document'
  return 'other'
}
