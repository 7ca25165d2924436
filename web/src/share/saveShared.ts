import { filenameFromDisposition } from '../lib/saveResponse'
import { ApiError } from '../api/client'

/**
 * A plain link cannot carry the share session header, so a locked link's file is fetched with
 * it and handed to the browser's save flow. Open links use anchors instead and stream to disk.
 */
export async function saveShared(url: string, session: string, fallback: string): Promise<void> {
  const response = await fetch(url, { headers: { 'X-Share-Session': session } })
  if (!response.ok) {
    let problem = {}
    try {
      problem = (await response.json()) as object
    } catch {
      // Not JSON: the status says enough.
    }
    throw new ApiError(response.status, { status: response.status, title: `Download failed (${response.status})`, ...problem })
  }
  const name = filenameFromDisposition(response.headers.get('Content-Disposition') ?? '') ?? fallback
  const href = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = href
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
