import { api } from './client'

export interface ActivityTotals {
  uploads: number
  upload_bytes: number
  downloads: number
  download_bytes: number
  failed_logins: number
  sign_ins: number
}

export interface ActivityDay extends ActivityTotals {
  /** A UTC day, YYYY-MM-DD. */
  date: string
}

export interface UserStorage {
  user_id: string
  email: string
  name: string | null
  bytes: number
  files: number
  /** The quota that applies (own or role default); null = unlimited. */
  quota_bytes: number | null
}

export interface StatsOverview {
  users: { total: number; active: number; suspended: number }
  files: number
  stored_bytes: number
  active_transfers: number
  last24h: ActivityTotals
  top_storage: UserStorage[]
  generated_at: string
}

export interface StatsActivity {
  days: number
  from: string
  to: string
  items: ActivityDay[]
  totals: ActivityTotals
}

export const statsOverview = () => api.request<StatsOverview>('/api/v1/admin/stats/overview')

export const statsActivity = (days: number) => api.request<StatsActivity>(`/api/v1/admin/stats/activity?days=${days}`)

export const statsStorage = (limit: number) =>
  api.request<{ items: UserStorage[] }>(`/api/v1/admin/stats/storage?limit=${limit}`)
