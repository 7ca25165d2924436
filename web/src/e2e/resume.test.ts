import { stale, type State } from './resume'

const DAY = 24 * 60 * 60 * 1000
const now = Date.UTC(2026, 11, 4, 12)
const state = (extra: Partial<State>): State => ({ nonce: 'n', sealedSize: 1, segments: 1, ...extra })

describe('which saved download plaintext the app removes when it starts', () => {
  it('keeps a download continued within a day', () => {
    expect(stale(state({ touched: now - DAY + 60_000 }), now)).toBe(false)
  })

  it('removes a download not continued for a day, one without a record, and one recorded before times were', () => {
    expect(stale(state({ touched: now - DAY - 1 }), now)).toBe(true)
    expect(stale(undefined, now)).toBe(true)
    expect(stale(state({}), now)).toBe(true)
  })

  it('removes a finished download once the browser had its minute to copy it', () => {
    expect(stale(state({ touched: now - 5_000, finished: now - 5_000 }), now)).toBe(false)
    expect(stale(state({ touched: now - 61_000, finished: now - 61_000 }), now)).toBe(true)
  })
})
