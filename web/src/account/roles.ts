import { defineMessages } from 'react-intl'
import type { Role } from '../api/types'

/** How a role is named on badges; the API's value stays the key. */
export const ROLE_NAMES = defineMessages({
  admin: { id: 'account.role.admin', defaultMessage: 'Admin' },
  user: { id: 'account.role.user', defaultMessage: 'User' },
  guest: { id: 'account.role.guest', defaultMessage: 'Guest' },
} satisfies Record<Role, { id: string; defaultMessage: string }>)
