import { vi } from 'vitest'

export function respond(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 202 || status === 204) return new Response(null, { status })
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  })
}

export interface Call {
  url: string
  body: unknown
}

/**
 * Stubs fetch with a tiny server: `routes` answers by path (a function gets the parsed
 * body); refresh answers 401 and /me a user unless a route says otherwise. Returns the
 * calls with bodies, in order.
 */
export function fakeServer(routes: Record<string, Response | ((body: unknown) => Response)>): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined
      if (init.method !== 'GET' && url !== '/api/v1/auth/refresh') calls.push({ url, body })
      const route = routes[url]
      if (route) return typeof route === 'function' ? route(body) : route.clone()
      if (url === '/api/v1/auth/refresh') return respond(401, { title: 'Unauthorized' })
      if (url === '/api/v1/me') return respond(200, { id: 'u1', email: 'ada@example.com', role: 'user', scopes: [] })
      if (url === '/api/v1/auth/providers') return respond(200, { items: [{ type: 'password' }, { type: 'passkey' }] })
      return respond(404, { title: 'Not found' })
    }),
  )
  return calls
}

export const TOKENS = { access_token: 'at', token_type: 'Bearer', expires_in: 900 }

/** A browser with passkey support whose authenticator answers (or refuses) with `get`. */
export function fakeAuthenticator(get: (options: CredentialRequestOptions) => Promise<unknown>) {
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {})
  const credentials = { get: vi.fn(get) }
  Object.defineProperty(navigator, 'credentials', { value: credentials, configurable: true })
  return credentials
}

export const ASSERTION = { id: 'cred', type: 'public-key', response: { signature: 'sig' } }
export const assertion = async () => ({ toJSON: () => ASSERTION })
