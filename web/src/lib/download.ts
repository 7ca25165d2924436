import { api } from '../api/client'

/** A download ticket: a same-origin URL that starts one native download within a minute. */
export interface DownloadTicket {
  url: string
  expires_at: string
}

/**
 * Hands a same-origin download URL to the browser: a plain navigation the download manager
 * streams to disk (and can pause and resume), never through this page's memory. The server
 * answers with Content-Disposition: attachment, so the page stays where it is.
 */
export function startDownload(url: string): void {
  clickLink(url, '')
}

/** Saves a few bytes the page made itself (recovery codes) as a file; never for server files. */
export function saveGenerated(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  clickLink(url, name)
  // Revoking at once can cancel the download before the browser has read the data.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function clickLink(href: string, name: string): void {
  const link = document.createElement('a')
  link.href = href
  link.download = name
  link.rel = 'noreferrer'
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}

/**
 * A plain link cannot carry the bearer token, so the token buys a short-lived ticket for this
 * one download first (`path` is the API path, such as /api/v1/files/{id}/download).
 */
export async function downloadWithTicket(path: string): Promise<void> {
  const ticket = await api.request<DownloadTicket>('/api/v1/download-tickets', { json: { path } })
  startDownload(ticket.url)
}
