import { createIntl } from 'react-intl'
import { afterEach, describe, expect, it } from 'vitest'
import { setFormatLocale } from '../../lib/format'
import {
  chartDays,
  dayLabel,
  failedLoginSummary,
  fillDays,
  formatCount,
  formatPercent,
  isQuiet,
  longDayLabel,
  spikeThreshold,
  storageRows,
  trafficSummary,
} from './shape'

const day = (date: string, over: Partial<Record<string, number>> = {}) => ({
  date,
  uploads: 0,
  upload_bytes: 0,
  downloads: 0,
  download_bytes: 0,
  failed_logins: 0,
  sign_ins: 0,
  ...over,
})

const english = createIntl({ locale: 'en', messages: {}, onError: () => {} })

describe('fillDays', () => {
  it('fills quiet days with zeros, in order, across a month end', () => {
    const days = fillDays(
      [day('2026-12-01', { uploads: 2 }), day('2026-11-29', { downloads: 1 })],
      '2026-11-28',
      '2026-12-02',
    )
    expect(days.map((d) => d.date)).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02'])
    expect(days.map((d) => d.uploads)).toEqual([0, 0, 0, 2, 0])
    expect(days.map((d) => d.downloads)).toEqual([0, 1, 0, 0, 0])
  })

  it('drops days outside the range and gives one day for a one-day range', () => {
    expect(fillDays([day('2026-01-01', { uploads: 9 })], '2026-03-01', '2026-03-01')).toEqual([day('2026-03-01')])
  })

  it('spans leap days and the new year', () => {
    expect(fillDays([], '2028-02-28', '2028-03-01')).toHaveLength(3)
    expect(fillDays([], '2026-12-31', '2027-01-01').map((d) => d.date)).toEqual(['2026-12-31', '2027-01-01'])
  })
})

describe('spikes', () => {
  it('never flags a handful of failures on a quiet server', () => {
    expect(spikeThreshold([0, 0, 1, 0, 2])).toBe(5)
    expect(spikeThreshold([])).toBe(5)
  })

  it('flags a day far above the usual', () => {
    const counts = [3, 4, 2, 3, 5, 4, 60]
    const threshold = spikeThreshold(counts)
    expect(threshold).toBeGreaterThan(5)
    expect(threshold).toBeLessThanOrEqual(60)
    const days = chartDays(
      counts.map((n, i) => day(`2026-11-0${i + 1}`, { failed_logins: n })),
      '2026-11-01',
      '2026-11-07',
    )
    expect(days.filter((d) => d.spike).map((d) => d.date)).toEqual(['2026-11-07'])
    expect(days[0]?.label).toBe('Nov 1')
    expect(failedLoginSummary(english, days)).toContain('unusual days: Sat, Nov 7, 2026 (60)')
  })
})

describe('summaries', () => {
  it('describes traffic and its busiest day', () => {
    const days = chartDays(
      [day('2026-11-02', { uploads: 3, downloads: 4 }), day('2026-11-03', { uploads: 1 })],
      '2026-11-01',
      '2026-11-03',
    )
    expect(trafficSummary(english, days)).toBe(
      '4 uploads and 4 downloads from Sun, Nov 1, 2026 to Tue, Nov 3, 2026; busiest day Mon, Nov 2, 2026 with 3 uploads and 4 downloads.',
    )
    expect(isQuiet(days)).toBe(false)
  })

  it('says so when nothing happened', () => {
    const days = chartDays([], '2026-11-01', '2026-11-02')
    expect(isQuiet(days)).toBe(true)
    expect(trafficSummary(english, days)).toMatch(/^No uploads or downloads/)
    expect(failedLoginSummary(english, days)).toBe('No failed sign-ins in this period.')
  })
})

describe('storageRows', () => {
  it('measures use against the quota and marks accounts near it', () => {
    const rows = storageRows(
      [
        { user_id: 'a', email: 'ada@x.test', name: 'Ada', bytes: 950, files: 3, quota_bytes: 1000 },
        { user_id: 'b', email: 'bob@x.test', name: null, bytes: 800, files: 1, quota_bytes: 1000 },
        { user_id: 'c', email: 'cy@x.test', name: null, bytes: 5, files: 1, quota_bytes: 10_000 },
        { user_id: 'd', email: 'di@x.test', name: null, bytes: 5, files: 1, quota_bytes: null },
        { user_id: 'e', email: 'ed@x.test', name: null, bytes: 5, files: 1, quota_bytes: 0 },
      ],
      english,
    )
    expect(rows.map((r) => r.level)).toEqual(['full', 'high', 'ok', 'ok', 'full'])
    expect(rows[0]?.label).toBe('Ada')
    expect(rows[1]?.label).toBe('bob@x.test')
    expect(rows.map((r) => r.summary)).toEqual([
      '950 bytes · 95% of 1 kB',
      '800 bytes · 80% of 1 kB',
      '5 bytes · <1% of 10 kB',
      '5 bytes · no quota',
      '5 bytes · 100% of 0 bytes',
    ])
  })

  it('formats percentages without a false zero', () => {
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(0.2)).toBe('<1%')
    expect(formatPercent(99.6)).toBe('99%')
    expect(formatPercent(100)).toBe('100%')
  })
})

describe('in the UI’s language', () => {
  afterEach(() => setFormatLocale('en'))

  it('writes days, counts and percentages the German way', () => {
    setFormatLocale('de')
    expect(dayLabel('2026-11-20')).toBe('20. Nov.')
    expect(longDayLabel('2026-11-20')).toBe('Fr., 20. Nov. 2026')
    expect(formatCount(12345)).toBe('12.345')
    expect(formatPercent(37.4).replace(/\s/g, ' ')).toBe('37 %')
  })

  it('writes them with Arabic month names and signs in Arabic', () => {
    setFormatLocale('ar')
    expect(formatCount(12345)).toBe(new Intl.NumberFormat('ar').format(12345))
    expect(dayLabel('2026-11-20')).not.toBe('Nov 20')
    expect(formatPercent(37)).toBe(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.37))
    expect(dayLabel('2026-11-20')).toBe(
      new Intl.DateTimeFormat('ar', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 20)),
    )
  })
})
