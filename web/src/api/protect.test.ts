// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from './client'
import { liftBan } from './protect'

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('liftBan', () => {
  it('lifts an IPv6 /64 by an address inside it, an IPv4 ban by its address', async () => {
    const urls: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url)
        return new Response(null, { status: 204 })
      }),
    )
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })

    await liftBan('2001:db8:1:2::/64')
    await liftBan('203.0.113.7')

    expect(urls).toEqual(['/api/v1/admin/bans/2001%3Adb8%3A1%3A2%3A%3A', '/api/v1/admin/bans/203.0.113.7'])
  })
})
