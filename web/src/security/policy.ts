import type { Role } from '../api/types'

export const ROLES: Role[] = ['admin', 'user', 'guest']

export type Coverage = 'none' | 'all' | 'roles'

/** The form's view of require_2fa: nobody, everyone, or the roles ticked. */
export function parsePolicy(value: string): { coverage: Coverage; roles: Role[] } {
  const text = value.trim().toLowerCase()
  if (text === 'none' || text === '') return { coverage: 'none', roles: [] }
  if (text === 'all') return { coverage: 'all', roles: [...ROLES] }
  const roles = ROLES.filter((role) =>
    text
      .split(',')
      .map((r) => r.trim())
      .includes(role),
  )
  return { coverage: 'roles', roles }
}

/** What PUT takes; ticking every role is the same as everyone, ticking none the same as nobody. */
export function formatPolicy(coverage: Coverage, roles: Role[]): string {
  if (coverage !== 'roles') return coverage
  if (roles.length === 0) return 'none'
  if (ROLES.every((role) => roles.includes(role))) return 'all'
  return ROLES.filter((role) => roles.includes(role)).join(',')
}
