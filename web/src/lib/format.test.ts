import { afterEach, describe, expect, it } from 'vitest'
import {
  fileKind,
  formatBytes,
  formatDate,
  formatDateTime,
  formatEta,
  formatNumber,
  formatRelative,
  formatSpeed,
  formatTimestamp,
  percent,
  setFormatLocale,
} from './format'

// Dates are shown in the browser's time zone; the expected strings below are UTC's.
process.env.TZ = 'UTC'

afterEach(() => setFormatLocale('en'))

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [999, '999 bytes'],
    [1000, '1 kB'],
    [1536, '1.5 kB'],
    [52_428_800, '52 MB'],
    [1_000_000_000, '1 GB'],
    [2_500_000_000_000, '2.5 TB'],
  ])('%d bytes is %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text))

  it('shows a dash for nonsense', () => {
    expect(formatBytes(-1)).toBe('—')
    expect(formatBytes(Number.NaN)).toBe('—')
  })
})

describe('formatSpeed and formatEta', () => {
  it('formats speed per second', () => {
    expect(formatSpeed(12_300_000)).toBe('12 MB/s')
    expect(formatSpeed(0)).toBe('—')
  })

  it.each([
    [0, '0 sec'],
    [12.2, '13 sec'],
    [59, '59 sec'],
    [90, '2 min'],
    [3599, '1 hr'],
    [3600, '1 hr'],
    [4800, '1 hr 20 min'],
    [90_000, '1 day 1 hr'],
  ])('%d seconds left is %s', (seconds, text) => expect(formatEta(seconds)).toBe(text))

  it('says nothing when the time left is unknown', () => expect(formatEta(Infinity)).toBe('—'))
})

describe('percent', () => {
  it('never shows 100 % before the last byte', () => {
    expect(percent(999_999, 1_000_000)).toBe(99)
    expect(percent(1_000_000, 1_000_000)).toBe(100)
    expect(percent(0, 0)).toBe(0)
  })
})

describe('formatRelative', () => {
  const now = Date.parse('2026-11-22T12:00:00Z')
  it('speaks like a person', () => {
    expect(formatRelative('2026-11-22T11:59:40Z', now)).toBe('now')
    expect(formatRelative('2026-11-22T11:55:00Z', now)).toBe('5 minutes ago')
    expect(formatRelative('2026-11-21T12:00:00Z', now)).toBe('yesterday')
    expect(formatRelative(null, now)).toBe('—')
  })
})

describe('fileKind', () => {
  it('uses the content type first, then the extension', () => {
    expect(fileKind('x.bin', 'image/png')).toBe('image')
    expect(fileKind('Report.PDF')).toBe('document')
    expect(fileKind('backup.tar.gz')).toBe('archive')
    expect(fileKind('noextension')).toBe('other')
  })
})

describe('formatTimestamp', () => {
  it('leaves the year out for this year only', () => {
    const now = new Date('2026-11-22T12:00:00Z')
    expect(formatTimestamp('2026-03-01T10:00:05Z', now)).not.toContain('2026')
    expect(formatTimestamp('2025-03-01T10:00:05Z', now)).toContain('2025')
    expect(formatTimestamp(undefined, now)).toBe('—')
  })
})

describe('formatting follows the locale the I18nProvider sets', () => {
  const now = Date.parse('2026-11-22T12:00:00Z')
  const sample = () => [
    formatBytes(950),
    formatBytes(1536),
    formatBytes(2_500_000_000_000),
    formatSpeed(12_300_000),
    formatEta(13),
    formatEta(4800),
    formatNumber(1234567.5),
    formatDate('2026-03-01T10:00:05Z'),
    formatDateTime('2026-03-01T10:00:05Z'),
    formatRelative('2026-11-22T11:55:00Z', now),
    formatRelative('2026-11-21T12:00:00Z', now),
  ]

  it.each([
    [
      'en',
      [
        '950 bytes',
        '1.5 kB',
        '2.5 TB',
        '12 MB/s',
        '13 sec',
        '1 hr 20 min',
        '1,234,567.5',
        'Mar 1, 2026',
        'Mar 1, 2026, 10:00 AM',
        '5 minutes ago',
        'yesterday',
      ],
    ],
    [
      'de',
      [
        '950 Byte',
        '1,5 kB',
        '2,5 TB',
        '12 MB/s',
        '13 Sek.',
        '1 Std., 20 Min.',
        '1.234.567,5',
        '01.03.2026',
        '01.03.2026, 10:00',
        'vor 5 Minuten',
        'gestern',
      ],
    ],
    [
      'ja',
      [
        '950 バイト',
        '1.5 KB',
        '2.5 TB',
        '12 MB/秒',
        '13 秒',
        '1 時間20 分',
        '1,234,567.5',
        '2026/03/01',
        '2026/03/01 10:00',
        '5 分前',
        '昨日',
      ],
    ],
    [
      'ar',
      [
        '950 بايت',
        '1.5 كيلوبايت',
        '2.5 تيرابايت',
        '12 م.ب/ث',
        '13 ث',
        '1 س و20 د',
        '1,234,567.5',
        '01\u200f/03\u200f/2026',
        '01\u200f/03\u200f/2026، 10:00 ص',
        'قبل 5 دقائق',
        'أمس',
      ],
    ],
    [
      'pt-BR',
      [
        '950 bytes',
        '1,5 kB',
        '2,5 TB',
        '12 MB/s',
        '13 s',
        '1 h 20 min',
        '1.234.567,5',
        '1 de mar. de 2026',
        '1 de mar. de 2026, 10:00',
        'há 5 minutos',
        'ontem',
      ],
    ],
  ])('in %s', (locale, expected) => {
    setFormatLocale(locale)
    expect(sample()).toEqual(expected)
  })

  it('keeps the dash for unknown values in every locale', () => {
    setFormatLocale('de')
    expect([formatBytes(Number.NaN), formatEta(Infinity), formatDate(null), formatRelative('nonsense')]).toEqual([
      '—',
      '—',
      '—',
      '—',
    ])
  })
})
