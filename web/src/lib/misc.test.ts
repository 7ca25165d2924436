import { describe, expect, it } from 'vitest'
import { parseQuota } from '../admin/UserDialogs'
import { readPreference, resolveDark } from './theme'
import { describeUserAgent } from './userAgent'

describe('describeUserAgent', () => {
  it('names browser and system', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux')
    expect(
      describeUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 Firefox/133.0'),
    ).toBe('Firefox on macOS')
    expect(describeUserAgent('curl/8.5.0')).toBe('curl')
    expect(describeUserAgent(null)).toBe('Unknown device')
  })
})

describe('theme', () => {
  it('follows the system unless the user chose', () => {
    expect(resolveDark('system', true)).toBe(true)
    expect(resolveDark('light', true)).toBe(false)
    expect(resolveDark('dark', false)).toBe(true)
    expect(readPreference({ getItem: () => 'dark' })).toBe('dark')
    expect(readPreference({ getItem: () => 'purple' })).toBe('system')
  })
})

describe('parseQuota', () => {
  it('reads GB and treats empty as the default quota', () => {
    expect(parseQuota('')).toBeNull()
    expect(parseQuota('2.5')).toBe(2_500_000_000)
    expect(parseQuota('-1')).toBeUndefined()
    expect(parseQuota('lots')).toBeUndefined()
  })
})
