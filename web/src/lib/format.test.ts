import { describe, expect, it } from 'vitest'
import { fileKind, formatBytes, formatEta, formatRelative, formatSpeed, formatTimestamp, percent } from './format'

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1000, '1 KB'],
    [1536, '1.5 KB'],
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
    [0, '0 s'],
    [12.2, '13 s'],
    [59, '59 s'],
    [90, '2 min'],
    [3599, '1 h'],
    [3600, '1 h'],
    [4800, '1 h 20 min'],
    [90_000, '1 d 1 h'],
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
    expect(formatRelative('2026-11-22T11:59:40Z', now)).toBe('just now')
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
