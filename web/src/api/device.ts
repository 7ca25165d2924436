import { api } from './client'
import type { Received, Schemas } from './types'

/** What the device asked for, as the server recorded it (the name is the device's own claim). */
export type DeviceRequest = Received<Schemas['DeviceView'], 'client_name' | 'scopes' | 'requested_at' | 'expires_at'>

export const verifyDeviceCode = (userCode: string) =>
  api.request<DeviceRequest>('/api/v1/auth/device/verify', { json: { user_code: userCode } })

export const approveDevice = (userCode: string) =>
  api.request<void>('/api/v1/auth/device/approve', { json: { user_code: userCode } })

export const denyDevice = (userCode: string) =>
  api.request<void>('/api/v1/auth/device/deny', { json: { user_code: userCode } })
