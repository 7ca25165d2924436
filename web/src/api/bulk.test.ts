// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadZip } from './bulk'
import { api } from './client'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  api.forget()
})

describe('downloadZip', () => {
  it('registers the ids, then lets the browser download the set with a ticket', async () => {
    const calls: { url: string; body: unknown }[] = []
    const answers: Record<string, unknown> = {
      '/api/v1/files/zips': {
        id: 'z1',
        count: 2,
        download_url: '/api/v1/files/zips/z1/download',
        expires_at: '2026-01-01T00:05:00Z',
      },
      '/api/v1/download-tickets': {
        url: '/api/v1/files/zips/z1/download?ticket=fdt_abc',
        expires_at: '2026-01-01T00:01:00Z',
      },
    }
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(String(init.body)) })
        return new Response(JSON.stringify(answers[url]), {
          status: 201,
          headers: { 'Content-Type': 'application/json' },
        })
      }),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    const clicked: HTMLAnchorElement[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this)
    })
    const createObjectURL = vi.fn()
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL }))

    await downloadZip(['f1', 'f2'])

    expect(calls).toEqual([
      { url: '/api/v1/files/zips', body: { ids: ['f1', 'f2'] } },
      { url: '/api/v1/download-tickets', body: { path: '/api/v1/files/zips/z1/download' } },
    ])
    expect(clicked.map((link) => link.getAttribute('href'))).toEqual(['/api/v1/files/zips/z1/download?ticket=fdt_abc'])
    expect(createObjectURL).not.toHaveBeenCalled()
  })
})
