import { describe, expect, it } from 'vitest'
import { formatPolicy, parsePolicy } from './policy'

describe('security policy form', () => {
  it('reads what the server answers', () => {
    expect(parsePolicy('none')).toEqual({ coverage: 'none', roles: [] })
    expect(parsePolicy('all')).toEqual({ coverage: 'all', roles: ['admin', 'user', 'guest'] })
    expect(parsePolicy('user,admin')).toEqual({ coverage: 'roles', roles: ['admin', 'user'] })
  })

  it('writes what PUT accepts, folding every role into all and no role into none', () => {
    expect(formatPolicy('roles', ['user'])).toBe('user')
    expect(formatPolicy('roles', ['guest', 'admin'])).toBe('admin,guest')
    expect(formatPolicy('roles', ['guest', 'admin', 'user'])).toBe('all')
    expect(formatPolicy('roles', [])).toBe('none')
    expect(formatPolicy('all', [])).toBe('all')
  })
})
