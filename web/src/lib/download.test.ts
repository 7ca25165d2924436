// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { downloadWithTicket, startDownload } from './download'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  api.forget()
})

function clickedLinks(): HTMLAnchorElement[] {
  const clicked: HTMLAnchorElement[] = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this)
  })
  return clicked
}

describe('startDownload', () => {
  it('navigates a download link and leaves nothing behind', () => {
    const clicked = clickedLinks()
    startDownload('/api/v1/files/f1/download?ticket=fdt_x')
    expect(clicked).toHaveLength(1)
    expect(clicked[0]?.getAttribute('href')).toBe('/api/v1/files/f1/download?ticket=fdt_x')
    expect(clicked[0]?.hasAttribute('download')).toBe(true)
    expect(clicked[0]?.rel).toBe('noreferrer')
    expect(document.querySelectorAll('a')).toHaveLength(0)
  })
})

describe('downloadWithTicket', () => {
  it('asks for a ticket with the token and lets the browser fetch the file itself', async () => {
    const calls: { url: string; init: RequestInit }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init })
        return new Response(
          JSON.stringify({ url: '/api/v1/files/f1/download?ticket=fdt_abc', expires_at: '2026-01-01T00:01:00Z' }),
          {
            status: 201,
            headers: { 'Content-Type': 'application/json' },
          },
        )
      }),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    const clicked = clickedLinks()
    await downloadWithTicket('/api/v1/files/f1/download')
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe('/api/v1/download-tickets')
    expect(calls[0]?.init.method).toBe('POST')
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ path: '/api/v1/files/f1/download' })
    expect((calls[0]?.init.headers as Record<string, string>).Authorization).toBe('Bearer jwt')
    expect(clicked.map((a) => a.getAttribute('href'))).toEqual(['/api/v1/files/f1/download?ticket=fdt_abc'])
  })

  it('starts nothing when the server refuses the ticket', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ status: 400, title: 'Not a download' }), {
            status: 400,
            headers: { 'Content-Type': 'application/problem+json' },
          }),
      ),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    const clicked = clickedLinks()
    await expect(downloadWithTicket('/api/v1/files')).rejects.toThrow('Not a download')
    expect(clicked).toHaveLength(0)
  })
})
