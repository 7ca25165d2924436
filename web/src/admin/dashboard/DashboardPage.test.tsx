// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../api/client'
import { renderApp } from '../../test/render'
import { DashboardPage } from './DashboardPage'

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

const ZERO = { uploads: 0, upload_bytes: 0, downloads: 0, download_bytes: 0, failed_logins: 0, sign_ins: 0 }

const OVERVIEW = {
  users: { total: 12, active: 11, suspended: 1 },
  files: 340,
  stored_bytes: 2_500_000_000,
  active_transfers: 7,
  last24h: {
    uploads: 31,
    upload_bytes: 42_000_000,
    downloads: 58,
    download_bytes: 90_000_000,
    failed_logins: 3,
    sign_ins: 20,
  },
  top_storage: [],
  generated_at: '2026-11-22T02:40:00Z',
}

function activity(days: number, busy: boolean) {
  const items = Array.from({ length: days }, (_, i) => {
    const date = new Date(Date.UTC(2026, 10, 22 - days + 1 + i)).toISOString().slice(0, 10)
    return {
      date,
      ...ZERO,
      ...(busy && i === days - 1
        ? { uploads: 4, upload_bytes: 4000, downloads: 2, download_bytes: 2000, failed_logins: 40, sign_ins: 5 }
        : {}),
    }
  })
  const totals = busy
    ? { uploads: 4, upload_bytes: 4000, downloads: 2, download_bytes: 2000, failed_logins: 40, sign_ins: 5 }
    : ZERO
  return { days, from: items[0]?.date, to: items[items.length - 1]?.date, items, totals }
}

const STORAGE = {
  items: [
    { user_id: 'u1', email: 'ada@ferry.test', name: 'Ada', bytes: 900_000_000, files: 20, quota_bytes: 1_000_000_000 },
  ],
}

function serve(routes: { overview?: unknown; busy?: boolean; storage?: unknown; fail?: boolean }) {
  const calls: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url)
      if (url.includes('/auth/refresh')) return respond(401, {})
      if (routes.fail)
        return respond(500, {
          type: '/problems/internal',
          title: 'Internal error',
          status: 500,
          detail: 'Request abc failed.',
        })
      if (url.includes('/stats/overview')) return respond(200, routes.overview ?? OVERVIEW)
      if (url.includes('/stats/storage')) return respond(200, routes.storage ?? STORAGE)
      const days = Number(new URL(url, 'http://x').searchParams.get('days'))
      return respond(200, activity(days, routes.busy ?? true))
    }),
  )
  return calls
}

beforeEach(() => {
  // jsdom lays nothing out; Recharts only needs to be told a size.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('DashboardPage', () => {
  it('shows the headline figures and the charts’ text alternatives', async () => {
    serve({})
    renderApp(<DashboardPage />)
    const overview = await screen.findByRole('region', { name: 'Overview' })
    expect(await within(overview).findByText('2.5 GB')).toBeTruthy()
    expect(within(overview).getByText('11 active · 1 suspended')).toBeTruthy()
    expect(within(overview).getByText('340 files')).toBeTruthy()
    expect(within(overview).getByText('58')).toBeTruthy()
    expect(await screen.findByText(/4 uploads and 2 downloads from/)).toBeTruthy()
    expect(screen.getByRole('table', { name: 'Failed sign-ins per day' })).toBeTruthy()
    expect(screen.getByText(/unusual days: Sun, Nov 22, 2026 \(40\)/)).toBeTruthy()
    const storage = await screen.findByRole('table', { name: 'Storage by user' })
    expect(within(storage).getByText('1 GB (90% used)')).toBeTruthy()
  })

  it('switches the range and asks for that many days', async () => {
    const calls = serve({})
    renderApp(<DashboardPage />)
    await screen.findByText(/in the last 30 days/)
    const range = screen.getByRole('group', { name: 'Time range' })
    expect(within(range).getByRole('button', { name: '30 days' }).getAttribute('aria-pressed')).toBe('true')
    await userEvent.setup().click(within(range).getByRole('button', { name: '7 days' }))
    expect(await screen.findByText(/in the last 7 days/)).toBeTruthy()
    expect(calls.some((url) => url.endsWith('/activity?days=7'))).toBe(true)
    expect(within(range).getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true')
  })

  it('has a calm empty state on a fresh server', async () => {
    serve({
      busy: false,
      storage: { items: [{ user_id: 'a', email: 'admin@x.test', name: null, bytes: 0, files: 0, quota_bytes: null }] },
      overview: { ...OVERVIEW, files: 0, stored_bytes: 0, last24h: ZERO },
    })
    renderApp(<DashboardPage />)
    expect(await screen.findByRole('heading', { name: 'No activity yet' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'No failed sign-ins' })).toBeTruthy()
    expect(await screen.findByRole('heading', { name: 'Nothing stored yet' })).toBeTruthy()
  })

  it('says what went wrong and offers a retry', async () => {
    serve({ fail: true })
    renderApp(<DashboardPage />)
    expect(await screen.findByRole('heading', { name: 'Could not load the overview' })).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThanOrEqual(1)
  })
})
