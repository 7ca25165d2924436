import { api } from './client'
import type { Received, Schemas } from './types'

/**
 * Days kept per retention category (`files`, `versions`, `trash`, `transfers`, `download_logs`,
 * `audit`); a missing category keeps forever.
 */
export type RetentionPolicies = Record<string, number>

export type RetentionFile = Received<Schemas['RetentionItem'], 'id' | 'owner_id' | 'path' | 'size' | 'created_at'>

export type RetentionCategory = Omit<
  Received<Schemas['RetentionStep'], 'category' | 'max_age_days' | 'cutoff' | 'count'>,
  'files'
> & { files?: RetentionFile[] | null }

export type RetentionPlan = Omit<Received<Schemas['RetentionPlan'], 'as_of' | 'dry_run'>, 'categories'> & {
  categories: RetentionCategory[]
}

export const retentionPolicies = () =>
  api.request<{ policies: RetentionPolicies }>('/api/v1/admin/retention').then((r) => r.policies)

export const saveRetentionPolicies = (policies: RetentionPolicies) =>
  api
    .request<{ policies: RetentionPolicies }>('/api/v1/admin/retention', { method: 'PUT', json: { policies } })
    .then((r) => r.policies)

export const retentionPreview = () => api.request<RetentionPlan>('/api/v1/admin/retention/preview')

/** Runs retention as of a dry run's instant, so it removes exactly what that dry run listed. */
export const runRetention = (asOf: string) =>
  api.request<RetentionPlan>(`/api/v1/admin/retention/run?as_of=${encodeURIComponent(asOf)}`, { method: 'POST' })

/** The API path of a compliance report for [from, to) in `format`. */
export function complianceReportPath(from: string, to: string, format: 'pdf' | 'csv'): string {
  const query = new URLSearchParams({ from, to, format })
  return `/api/v1/admin/reports/compliance?${query.toString()}`
}
