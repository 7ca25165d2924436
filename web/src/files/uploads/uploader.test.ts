import { describe, expect, it } from 'vitest'
import { problemDetail } from './uploader'

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
