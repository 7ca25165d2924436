// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { readFragmentParam } from './fragment'

describe('readFragmentParam', () => {
  it('reads a token from the fragment only', () => {
    expect(readFragmentParam('token', '#token=abc_DEF-123')).toBe('abc_DEF-123')
    expect(readFragmentParam('invitation', '#invitation=xyz&other=1')).toBe('xyz')
    expect(readFragmentParam('token', '')).toBeNull()
    expect(readFragmentParam('token', '#token=')).toBeNull()
  })
})
