import { api } from './client'
import type { Received, Schemas } from './types'

export type ActivityTotals = Received<
  Schemas['ActivityTotals'],
  'uploads' | 'upload_bytes' | 'downloads' | 'download_bytes' | 'failed_logins' | 'sign_ins'
>

/** A UTC day, `date` YYYY-MM-DD, and its totals. */
export type ActivityDay = ActivityTotals & Received<Schemas['ActivityDay'], 'date'>

/** `quota_bytes` is the quota that applies (own or role default); none = unlimited. */
export type UserStorage = Received<Schemas['UserStorage'], 'user_id' | 'email' | 'bytes' | 'files'>

export type StatsOverview = Omit<
  Received<Schemas['StatsOverview'], 'files' | 'stored_bytes' | 'active_transfers' | 'generated_at'>,
  'users' | 'last24h' | 'top_storage'
> & {
  users: Received<Schemas['Users'], 'total' | 'active' | 'suspended'>
  last24h: ActivityTotals
  top_storage: UserStorage[]
}

export type StatsActivity = Omit<Received<Schemas['StatsActivity'], 'days' | 'from' | 'to'>, 'items' | 'totals'> & {
  items: ActivityDay[]
  totals: ActivityTotals
}

export const statsOverview = () => api.request<StatsOverview>('/api/v1/admin/stats/overview')

export const statsActivity = (days: number) => api.request<StatsActivity>(`/api/v1/admin/stats/activity?days=${days}`)

export const statsStorage = (limit: number) =>
  api.request<{ items: UserStorage[] }>(`/api/v1/admin/stats/storage?limit=${limit}`)
