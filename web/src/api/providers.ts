import { api } from './client'
import type { Received, Schemas } from './types'

/** One external sign-in provider as the admin area shows it, with its last success and error. */
export type ProviderStatus = Received<Schemas['ProviderHealthStatus'], 'type' | 'id' | 'name'>

export const listSignInProviders = () =>
  api.request<{ items: ProviderStatus[] }>('/api/v1/admin/sign-in-providers').then((page) => page.items)
