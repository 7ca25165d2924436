import { api } from './client'
import type { Received, Schemas } from './types'

export type Ban = Received<Schemas['BanView'], 'address' | 'reason' | 'strikes' | 'banned_at' | 'until'>

export type Alert = Received<Schemas['AlertView'], 'id' | 'kind' | 'title' | 'detail' | 'created_at'>

export const listBans = () => api.request<{ items: Ban[] }>('/api/v1/admin/bans').then((page) => page.items)

/**
 * An IPv6 ban is listed as its /64 (`2001:db8:1:2::/64`), and proxies and Spring's firewall
 * refuse an encoded slash in a path: any address inside the network lifts it, so the prefix
 * goes without its length.
 */
export const liftBan = (address: string) =>
  api.request<void>(`/api/v1/admin/bans/${encodeURIComponent(address.replace(/\/\d+$/, ''))}`, { method: 'DELETE' })

export const listAlerts = () =>
  api.request<{ items: Alert[] }>('/api/v1/admin/alerts?limit=50').then((page) => page.items)

export const acknowledgeAlert = (id: string) =>
  api.request<Alert>(`/api/v1/admin/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST' })

/**
 * Follows the live alert feed (Server-Sent Events) until {@code signal} aborts. fetch rather
 * than EventSource, because EventSource cannot send the bearer token.
 */
export async function followAlerts(onAlert: (alert: Alert) => void, signal: AbortSignal): Promise<void> {
  const response = await api.send('/api/v1/admin/alerts/stream', {
    headers: { Accept: 'text/event-stream' },
    signal,
  })
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader()
  if (!reader) return
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    buffer += value
    let end = buffer.indexOf('\n\n')
    while (end >= 0) {
      const event = parseEvent(buffer.slice(0, end))
      buffer = buffer.slice(end + 2)
      if (event.name === 'alert' && event.data) onAlert(JSON.parse(event.data) as Alert)
      end = buffer.indexOf('\n\n')
    }
  }
}

export function parseEvent(block: string): { name: string; data: string } {
  let name = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') name = value
    else if (field === 'data') data.push(value)
  }
  return { name, data: data.join('\n') }
}
