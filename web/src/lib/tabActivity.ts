/**
 * How the tabs of one browser tell each other that the session was used: they share one
 * session, whose idle time the server counts from any tab's request, so a tab left alone
 * must not sign it out while another is in use.
 */
export interface ActivityChannel {
  post(sentAt: number): void
  listen(listener: (sentAt: number) => void): void
}

/** A BroadcastChannel between the tabs of this browser; null where there is none. */
export function browserActivity(): ActivityChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null
  const channel = new BroadcastChannel('ferry-session-activity')
  // Node's channel would keep a test process alive; browsers have no unref.
  ;(channel as { unref?: () => void }).unref?.()
  return {
    post: (sentAt) => channel.postMessage(sentAt),
    listen: (listener) => {
      channel.onmessage = (event: MessageEvent) => {
        if (typeof event.data === 'number') listener(event.data)
      }
    },
  }
}
