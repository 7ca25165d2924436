import { describe, expect, it } from 'vitest'
import { ApiError } from './client'
import { shareFileUrl, shareProblem, shareZipUrl } from './share'

const problem = (status: number, type: string) => new ApiError(status, { status, type })

describe('shareProblem', () => {
  it('maps the documented problem types', () => {
    expect(shareProblem(problem(404, '/problems/share-not-found'))).toBe('not-found')
    expect(shareProblem(problem(410, '/problems/share-expired'))).toBe('expired')
    expect(shareProblem(problem(410, '/problems/share-exhausted'))).toBe('exhausted')
    expect(shareProblem(problem(401, '/problems/share-session-invalid'))).toBe('session-invalid')
  })
  it('treats any 404 as not found and the rest as other', () => {
    expect(shareProblem(problem(404, 'about:blank'))).toBe('not-found')
    expect(shareProblem(problem(500, 'about:blank'))).toBe('other')
    expect(shareProblem(new Error('x'))).toBe('other')
  })
})

describe('share urls', () => {
  it('escapes the token and the file id', () => {
    expect(shareFileUrl('a/b', 'f 1')).toBe('/api/v1/share/a%2Fb/files/f%201/download')
    expect(shareZipUrl('tok')).toBe('/api/v1/share/tok/download')
  })
})
