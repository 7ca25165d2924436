import { abandonedKeys, sealedFor } from './pending'

const DAY = 24 * 60 * 60 * 1000
const now = Date.UTC(2026, 11, 4, 12)
const file = (saved?: number) => ({ uploadUrl: null, header: 'h', nonce: 'n', fileKey: 'k', saved })
const records = (entries: [string, unknown][]) => new Map<string, unknown>([['wrapping-key', {}], ...entries])

describe('which wrapped keys of E2E uploads the app removes when it starts', () => {
  it('keeps a file saved within a day, and the link identity it was sealed for', () => {
    const kept = records([
      ['file:a:1:1', file(now - DAY + 60_000)],
      ['identity', { wrapped: 'w', saved: now - 3 * DAY }],
    ])
    expect(abandonedKeys(kept, now)).toEqual([])
  })

  it('removes files not saved for a day and files from before times were noted', () => {
    const mixed = records([
      ['file:old:1:1', file(now - DAY - 1)],
      ['file:untimed:1:1', file()],
      ['file:new:1:1', file(now - 1_000)],
      ['identity', { wrapped: 'w', saved: now - 2 * DAY }],
    ])
    expect(abandonedKeys(mixed, now).sort()).toEqual(['file:old:1:1', 'file:untimed:1:1'])
  })

  it('removes a day-old identity once no file can resume, but not a fresh one nor the wrapping key', () => {
    const abandoned = records([
      ['file:old:1:1', file(now - 2 * DAY)],
      ['identity', { wrapped: 'w', saved: now - 2 * DAY }],
    ])
    expect(abandonedKeys(abandoned, now).sort()).toEqual(['file:old:1:1', 'identity'])
    expect(abandonedKeys(records([['identity', 'wrapped before times were noted']]), now)).toEqual(['identity'])
    expect(abandonedKeys(records([['identity', { wrapped: 'w', saved: now - 60_000 }]]), now)).toEqual([])
  })
})

describe('which pending seal of a file an encrypted upload may resume', () => {
  it('names the same recipients alike in any order, and others, or a passphrase, not', () => {
    expect(sealedFor({ recipients: ['age1bob', 'age1carol'] })).toBe(sealedFor({ recipients: ['age1carol', 'age1bob'] }))
    expect(sealedFor({ recipients: ['age1bob'] })).not.toBe(sealedFor({ recipients: ['age1carol'] }))
    expect(sealedFor({ recipients: ['age1bob'] })).not.toBe(sealedFor({ recipients: ['age1bob', 'age1carol'] }))
    expect(sealedFor({ passphrase: 'p' })).toBeNull()
  })
})
