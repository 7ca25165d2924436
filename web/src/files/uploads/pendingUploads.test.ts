// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { forgetAllPendingUploads, readPendingUploads } from './pendingUploads'

describe('readPendingUploads', () => {
  it('lists what tus-js-client stored for resuming, newest first, and ignores the rest', () => {
    localStorage.setItem('ferry.theme', 'dark')
    localStorage.setItem(
      'tus::tus-ferry-big.bin-1::111',
      JSON.stringify({
        size: 50_000_000,
        metadata: { filename: 'big.bin', folder: '/docs' },
        creationTime: '2026-11-22T10:00:00Z',
        uploadUrl: '/api/v1/uploads/a',
      }),
    )
    localStorage.setItem(
      'tus::tus-ferry-new.bin-1::222',
      JSON.stringify({
        size: 10,
        metadata: { filename: 'new.bin' },
        creationTime: '2026-11-22T11:00:00Z',
        uploadUrl: '/api/v1/uploads/b',
      }),
    )
    localStorage.setItem('tus::broken::333', '{not json')
    localStorage.setItem('tus::no-url::444', JSON.stringify({ size: 1 }))

    expect(readPendingUploads()).toEqual([
      {
        key: 'tus::tus-ferry-new.bin-1::222',
        name: 'new.bin',
        folder: '/',
        size: 10,
        uploadUrl: '/api/v1/uploads/b',
        creationTime: '2026-11-22T11:00:00Z',
      },
      {
        key: 'tus::tus-ferry-big.bin-1::111',
        name: 'big.bin',
        folder: '/docs',
        size: 50_000_000,
        uploadUrl: '/api/v1/uploads/a',
        creationTime: '2026-11-22T10:00:00Z',
      },
    ])
  })
})

describe('forgetAllPendingUploads', () => {
  it('removes only the resumable uploads', () => {
    localStorage.setItem('ferry.theme', 'dark')
    localStorage.setItem('tus::a::1', JSON.stringify({ size: 1, uploadUrl: '/x' }))
    forgetAllPendingUploads()
    expect(readPendingUploads()).toEqual([])
    expect(localStorage.getItem('ferry.theme')).toBe('dark')
  })
})
