import { api } from '../api/client'

/** Fetches an authenticated URL and saves the body under the server's filename (or `fallback`). */
export async function saveAuthenticated(path: string, fallback: string): Promise<void> {
  const response = await api.send(path)
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const name = filenameFromDisposition(disposition) ?? fallback
  saveBlob(await response.blob(), name)
}

/** Saves data the page holds as a download named {@code name}. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download before the browser has read the data.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** RFC 6266: prefers filename* (UTF-8, percent-encoded) over the plain filename. */
export function filenameFromDisposition(header: string): string | null {
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // Malformed encoding: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;]+)/.exec(header)
  const value = plain?.[1] ?? plain?.[2]
  return value ? value.replace(/\\(.)/g, '$1').trim() : null
}
