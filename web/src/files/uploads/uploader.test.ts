import { describe, expect, it } from 'vitest'
import { problemDetail, sentHere, type UploadItem } from './uploader'

/** What tus-js-client hands over when the server refused a request. */
function refusedWith(body: string) {
  return Object.assign(new Error('tus: unexpected response while creating upload, originated from request (...)'), {
    originalResponse: { getBody: () => body },
  })
}

describe('problemDetail', () => {
  it('takes the server problem detail instead of the tus message that quotes the request', () => {
    const quota = JSON.stringify({
      type: '/problems/quota-exceeded',
      title: 'Quota exceeded',
      detail: 'You have 2 MB left.',
    })
    expect(problemDetail(refusedWith(quota))).toBe('You have 2 MB left.')
    expect(problemDetail(refusedWith(JSON.stringify({ title: 'Payload too large' })))).toBe('Payload too large')
  })

  it('has nothing to say without a problem from the server', () => {
    expect(problemDetail(new Error('tus: failed to upload chunk'))).toBeNull()
    expect(problemDetail(refusedWith('<html>Bad gateway</html>'))).toBeNull()
    expect(problemDetail(null)).toBeNull()
  })
})

describe('sentHere', () => {
  const item = (id: string, status: UploadItem['status'], bytesUploaded: number): UploadItem => ({
    id,
    name: id,
    folder: '/',
    size: 4e9,
    bytesUploaded,
    status,
    error: null,
    bytesPerSecond: 0,
    etaSeconds: 0,
  })

  it('counts a resumed file from the offset it resumed at, and a queued one not yet', () => {
    const baselines = new Map<string, number>()
    expect(sentHere([item('a', 'uploading', 2e9), item('b', 'queued', 0)], baselines)).toBe(0)
    expect(sentHere([item('a', 'uploading', 2e9 + 50e6), item('b', 'uploading', 10e6)], baselines)).toBe(50e6)
    expect(sentHere([item('a', 'done', 4e9), item('b', 'uploading', 30e6)], baselines)).toBe(2e9 + 20e6)
  })
})
