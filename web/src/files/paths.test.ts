import { describe, expect, it } from 'vitest'
import { breadcrumbs, childFolders, joinFolder, normalizeFolder, parentFolder } from './paths'

describe('folder paths', () => {
  it('normalises like the server', () => {
    expect(normalizeFolder('')).toBe('/')
    expect(normalizeFolder('docs//2026/')).toBe('/docs/2026')
    expect(joinFolder('/', 'a/b')).toBe('/a/b')
    expect(joinFolder('/docs', '')).toBe('/docs')
    expect(parentFolder('/a/b')).toBe('/a')
    expect(parentFolder('/')).toBe('/')
  })

  it('builds breadcrumbs from the root', () => {
    expect(breadcrumbs('/a/b')).toEqual([
      { name: 'All files', path: '/' },
      { name: 'a', path: '/a' },
      { name: 'b', path: '/a/b' },
    ])
  })

  it('derives the direct sub-folders from the folders of files below', () => {
    expect(childFolders('/', ['/', '/docs', '/docs/2026', '/photos/x/y'])).toEqual(['/docs', '/photos'])
    expect(childFolders('/docs', ['/docs', '/docs/2026/q1', '/documents'])).toEqual(['/docs/2026'])
  })
})
