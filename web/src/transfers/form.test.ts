import { describe, expect, it } from 'vitest'
import { createIntl } from 'react-intl'
import { displayStatus, downloadsSummary, expiryFromDays, parseRecipients, positiveInt } from './form'

describe('parseRecipients', () => {
  it('splits on commas, semicolons and whitespace and drops duplicates ignoring case', () => {
    expect(parseRecipients('a@x.io, b@x.io;\nA@x.io  <c@y.org>')).toEqual({
      emails: ['a@x.io', 'b@x.io', 'c@y.org'],
      invalid: [],
    })
  })
  it('reports what is not an address', () => {
    expect(parseRecipients('bob, a@x.io, c@d')).toEqual({ emails: ['a@x.io'], invalid: ['bob', 'c@d'] })
  })
  it('gives nothing for blank input', () => {
    expect(parseRecipients('  \n ')).toEqual({ emails: [], invalid: [] })
  })
})

describe('expiryFromDays', () => {
  it('adds whole days', () => {
    expect(expiryFromDays(7, new Date('2026-01-01T10:00:00Z'))).toBe('2026-01-08T10:00:00.000Z')
  })
})

describe('positiveInt', () => {
  it('accepts positive whole numbers only', () => {
    expect(positiveInt('3')).toBe(3)
    expect(positiveInt('')).toBeUndefined()
    expect(positiveInt('0')).toBeUndefined()
    expect(positiveInt('2.5')).toBeUndefined()
    expect(positiveInt('x')).toBeUndefined()
  })
})

describe('downloadsSummary', () => {
  it('shows the limit when there is one', () => {
    const intl = createIntl({ locale: 'en' })
    expect(downloadsSummary(intl, 1, null)).toBe('1 download')
    expect(downloadsSummary(intl, 2, 5)).toBe('2 of 5 downloads')
    expect(downloadsSummary(intl, 0, 1)).toBe('0 of 1 download')
  })
})

describe('displayStatus', () => {
  it('keeps revoked and expired', () => {
    expect(displayStatus({ status: 'revoked', shares: [] })).toBe('revoked')
    expect(displayStatus({ status: 'expired', shares: [{ status: 'active' }] })).toBe('expired')
  })
  it('is exhausted when every live link is', () => {
    expect(displayStatus({ status: 'active', shares: [{ status: 'exhausted' }, { status: 'revoked' }] })).toBe(
      'exhausted',
    )
    expect(displayStatus({ status: 'active', shares: [{ status: 'exhausted' }, { status: 'active' }] })).toBe('active')
    expect(displayStatus({ status: 'active', shares: [] })).toBe('active')
  })
})
