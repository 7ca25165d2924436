import { api } from './client'
import type { Received, Schemas } from './types'

/** SCIM provisioning as the admin area shows it: last request, last error, what it manages. */
export type ScimStatus = Received<Schemas['ScimStatus'], 'provisioned_users' | 'provisioned_groups' | 'deprovision'>

export const getScimStatus = () => api.request<ScimStatus>('/api/v1/admin/scim')
