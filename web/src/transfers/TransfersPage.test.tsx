// @vitest-environment jsdom
import { focusManager, QueryClient } from '@tanstack/react-query'
import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { QUERY_DEFAULTS } from '../api/queries'
import { renderApp } from '../test/render'
import { renderWithCatalogue } from '../test/renderWithCatalogue'
import { TransfersPage } from './TransfersPage'

const LINK = {
  id: 'l1',
  status: 'active',
  created_at: '2026-01-01T00:00:00Z',
  expires_at: '2099-01-01T00:00:00Z',
  max_downloads: 5,
  downloads_left: 5,
  password_required: false,
  require_email_verification: false,
  notify_on_download: false,
  revoked_at: null,
}
const TRANSFER = {
  id: 't1',
  title: 'Quarterly',
  message: null,
  status: 'active',
  expires_at: '2099-01-01T00:00:00Z',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  files: [],
  total_size: 0,
  recipients: [],
  show_sender_email: false,
  notify_sender: false,
  delete_files_on_expiry: false,
  first_download_at: null,
  purged_at: null,
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

/** A server whose link is downloaded elsewhere once per listing it answers. */
function serverCountingDownloads() {
  let listings = 0
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url.includes('/activity')) return json({ items: [], next_cursor: null })
      const downloads = listings++
      return json({
        items: [{ ...TRANSFER, shares: [{ ...LINK, downloads, downloads_left: 5 - downloads }] }],
        next_cursor: null,
      })
    }),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
  focusManager.setFocused(undefined)
})

describe('TransfersPage', () => {
  it('refetches download counts when the window regains focus', async () => {
    serverCountingDownloads()
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    renderApp(<TransfersPage />, '/transfers', new QueryClient({ defaultOptions: { queries: QUERY_DEFAULTS } }))
    expect(await screen.findByText('0 downloads')).toBeTruthy()
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    expect(await screen.findByText('1 download')).toBeTruthy()
  })

  it('refetches when a transfer is opened, so its links show the current count', async () => {
    serverCountingDownloads()
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    renderApp(<TransfersPage />, '/transfers', new QueryClient({ defaultOptions: { queries: QUERY_DEFAULTS } }))
    await userEvent.setup().click(await screen.findByRole('button', { name: /Quarterly/ }))
    expect(await screen.findByText('1 of 5 downloads')).toBeTruthy()
  })

  it('says the activity could not be loaded instead of claiming there were no downloads', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/activity')
          ? new Response(JSON.stringify({ type: '/problems/internal', title: 'Error', detail: 'Try again later.' }), {
              status: 503,
              headers: { 'Content-Type': 'application/problem+json' },
            })
          : json({ items: [{ ...TRANSFER, shares: [LINK] }], next_cursor: null }),
      ),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    renderApp(<TransfersPage />, '/transfers', new QueryClient({ defaultOptions: { queries: { retry: false } } }))
    await userEvent.setup().click(await screen.findByRole('button', { name: /Quarterly/ }))

    expect((await screen.findByRole('alert')).textContent).toContain('Try again later.')
    expect(screen.queryByText('No downloads yet.')).toBeNull()
  })

  it('shows counts and statuses from the catalogue of the locale, English where it lacks an id', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/activity')
          ? json({ items: [], next_cursor: null })
          : json({
              items: [
                {
                  ...TRANSFER,
                  shares: [
                    { ...LINK, downloads: 2, downloads_left: 3 },
                    { ...LINK, id: 'l2', downloads: 1 },
                  ],
                },
              ],
              next_cursor: null,
            }),
      ),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    renderWithCatalogue(<TransfersPage />, {
      locale: 'de',
      path: '/transfers',
      messages: {
        'transfers.row.downloads': '{count, plural, one {# Download} other {# Downloads}}',
        'transfers.status': '{status, select, active {Aktiv} other {{status}}}',
        'transfers.link.downloadsOfLimit':
          '{downloads, number} von {max, plural, one {# Download} other {# Downloads}}',
      },
    })
    expect(await screen.findByText('3 Downloads')).toBeTruthy()
    expect(screen.getAllByText('Aktiv').length).toBeGreaterThan(0)
    expect(screen.getByRole('heading', { name: 'Transfers' })).toBeTruthy()
    await userEvent.setup().click(screen.getByRole('button', { name: /Quarterly/ }))
    expect(await screen.findByText('2 von 5 Downloads')).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Activity' })).toBeTruthy()
  })

  it('turns previews on for an existing link with a PATCH of show_previews', async () => {
    const calls: { url: string; method?: string; body?: unknown }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, method: init?.method, body: init?.body })
        if (url.includes('/activity')) return json({ items: [], next_cursor: null })
        if (init?.method === 'PATCH') return json({ ...LINK, downloads: 0, show_previews: true })
        return json({ items: [{ ...TRANSFER, shares: [{ ...LINK, downloads: 0 }] }], next_cursor: null })
      }),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    renderApp(<TransfersPage />, '/transfers', new QueryClient({ defaultOptions: { queries: QUERY_DEFAULTS } }))
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: /Quarterly/ }))
    await user.click(await screen.findByRole('switch', { name: 'Show previews on the share page' }))
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PATCH')).toBe(true))
    const patch = calls.find((c) => c.method === 'PATCH')
    expect(patch?.url).toBe('/api/v1/transfers/t1/shares/l1')
    expect(JSON.parse(String(patch?.body))).toEqual({ show_previews: true })
  })

  it('disables the previews switch of a watermarked link and says why', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/activity')
          ? json({ items: [], next_cursor: null })
          : json({ items: [{ ...TRANSFER, shares: [{ ...LINK, downloads: 0, watermark: true }] }], next_cursor: null }),
      ),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    renderApp(<TransfersPage />, '/transfers', new QueryClient({ defaultOptions: { queries: QUERY_DEFAULTS } }))
    await userEvent.setup().click(await screen.findByRole('button', { name: /Quarterly/ }))
    const toggle = await screen.findByRole('switch', { name: 'Show previews on the share page' })
    expect((toggle as HTMLInputElement).disabled).toBe(true)
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy()
    expect(screen.getByText(/a preview would show the file without its watermark/)).toBeTruthy()
  })
})
