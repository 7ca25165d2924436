// Streams a file the page decrypts to the browser's download manager: the page sends
// plaintext chunks over a MessagePort, and a navigation to /e2e-save/<id> answers with them
// as an attachment, so nothing is held whole in memory. Only /e2e-save/ is touched.
const pending = new Map()

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('message', (event) => {
  const { id, name, size, port } = event.data ?? {}
  if (typeof id !== 'string' || !port) return
  const stream = new ReadableStream({
    start(controller) {
      port.onmessage = ({ data }) => {
        if (data === 'end') controller.close()
        else if (data && data.error) controller.error(new Error(data.error))
        else controller.enqueue(data)
      }
    },
    cancel() {
      port.postMessage('cancel')
    },
  })
  pending.set(id, { stream, name, size })
  port.postMessage('ready')
})

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/e2e-save/')) return
  const id = url.pathname.slice('/e2e-save/'.length)
  const entry = pending.get(id)
  if (!entry) return
  pending.delete(id)
  const headers = {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.name)}`,
    'X-Content-Type-Options': 'nosniff',
  }
  if (Number.isFinite(entry.size)) headers['Content-Length'] = String(entry.size)
  event.respondWith(new Response(entry.stream, { headers }))
})
