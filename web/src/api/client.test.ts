import { describe, expect, it, vi } from 'vitest'
import { createCurrentIntl } from '../i18n/current'
import { ApiClient, ApiError, CSRF_HEADER, REFRESH_PATH, type Exclusive, type TokenResponse } from './client'

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

const tokens = (access: string, expiresIn = 900): TokenResponse => ({
  access_token: access,
  token_type: 'Bearer',
  expires_in: expiresIn,
})

function client(handler: (url: string, init: RequestInit) => Response | Promise<Response>, now = () => 1_000_000) {
  const calls: { url: string; init: RequestInit }[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    calls.push({ url, init: init ?? {} })
    return handler(url, init ?? {})
  })
  const api = new ApiClient({
    fetch: fetch as unknown as typeof globalThis.fetch,
    now,
    readCookie: (name) => (name === '__Host-ferry-csrf' ? 'csrf-value' : undefined),
    activity: null,
  })
  return { api, calls }
}

const header = (init: RequestInit, name: string) => (init.headers as Record<string, string> | undefined)?.[name]

describe('ApiClient', () => {
  it('asks for problem details in the language the user chose, and words its own fallbacks in it', async () => {
    createCurrentIntl('de', { 'api.status.notFound': 'Nicht gefunden.' })
    try {
      const { api, calls } = client(() => new Response('<html>', { status: 404 }))
      await expect(api.request('/api/v1/files/x')).rejects.toMatchObject({ message: 'Nicht gefunden.' })
      const call = calls.find((c) => c.url === '/api/v1/files/x')!
      expect(header(call.init, 'Accept-Language')).toBe('de')
    } finally {
      createCurrentIntl('en', {})
    }
  })

  it('sends the bearer token it holds in memory', async () => {
    const { api, calls } = client(() => json({ ok: true }))
    api.acceptTokens(tokens('t1'))
    await expect(api.request('/api/v1/me')).resolves.toEqual({ ok: true })
    expect(header(calls[0]!.init, 'Authorization')).toBe('Bearer t1')
  })

  it('refreshes through the cookie with the CSRF header and retries once after a 401', async () => {
    let refreshed = false
    const { api, calls } = client((url, init) => {
      if (url === REFRESH_PATH) {
        refreshed = true
        return json(tokens('t2'))
      }
      return header(init, 'Authorization') === 'Bearer t2' ? json({ me: 1 }) : json({ title: 'Unauthorized' }, 401)
    })
    api.acceptTokens(tokens('t1'))
    await expect(api.request('/api/v1/me')).resolves.toEqual({ me: 1 })
    expect(refreshed).toBe(true)
    const refresh = calls.find((c) => c.url === REFRESH_PATH)!
    expect(refresh.init.method).toBe('POST')
    expect(refresh.init.credentials).toBe('same-origin')
    expect(header(refresh.init, CSRF_HEADER)).toBe('csrf-value')
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/me', REFRESH_PATH, '/api/v1/me'])
  })

  it('shares one refresh between concurrent callers, as a rotated token may be used only once', async () => {
    let refreshes = 0
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const { api } = client(async (url) => {
      if (url === REFRESH_PATH) {
        refreshes++
        await gate
        return json(tokens('fresh'))
      }
      return json({})
    })
    const all = Promise.all([api.refresh(), api.refresh(), api.freshToken()])
    release()
    expect(await all).toEqual(['fresh', 'fresh', 'fresh'])
    expect(refreshes).toBe(1)
  })

  it('takes turns with other tabs, which share the refresh cookie, so no tab presents a spent token', async () => {
    // One cookie jar and a server that rotates on every use and ends the session on reuse.
    let cookie = 'r1'
    let revoked = false
    const server = async (init: RequestInit): Promise<Response> => {
      const presented = cookie
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (revoked || presented !== cookie) {
        revoked = true
        return json({ title: 'Unauthorized' }, 401)
      }
      cookie = `${presented}+`
      return json(tokens(`access-for-${header(init, CSRF_HEADER)}-${presented}`))
    }
    let turn = Promise.resolve()
    const oneAtATime: Exclusive = (_name, task) => {
      const run = turn.then(task)
      turn = run.then(
        () => undefined,
        () => undefined,
      )
      return run
    }
    const tab = () =>
      new ApiClient({
        fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => server(init ?? {})) as typeof globalThis.fetch,
        readCookie: (name) => (name === '__Host-ferry-csrf' ? 'csrf' : undefined),
        acrossTabs: oneAtATime,
      })

    const [first, second] = await Promise.all([tab().refresh(), tab().refresh()])

    expect(revoked).toBe(false)
    expect([first, second]).toEqual(['access-for-csrf-r1', 'access-for-csrf-r1+'])
  })

  it('refreshes ahead of expiry instead of waiting for a 401', async () => {
    let time = 0
    const { api, calls } = client(
      (url) => (url === REFRESH_PATH ? json(tokens('t2')) : json({})),
      () => time,
    )
    api.acceptTokens(tokens('t1', 60))
    time = 20_000
    expect(await api.freshToken()).toBe('t1')
    time = 45_000
    expect(await api.freshToken()).toBe('t2')
    expect(calls.filter((c) => c.url === REFRESH_PATH)).toHaveLength(1)
  })

  it('signs out and tells listeners when the server refuses the refresh', async () => {
    const { api } = client((url) =>
      url === REFRESH_PATH ? json({ title: 'Unauthorized' }, 401) : json({ title: 'Unauthorized' }, 401),
    )
    const events: boolean[] = []
    api.onSessionChange((signedIn) => events.push(signedIn))
    api.acceptTokens(tokens('t1'))
    await expect(api.request('/api/v1/me')).rejects.toBeInstanceOf(ApiError)
    expect(api.signedIn).toBe(false)
    expect(events).toEqual([true, false])
  })

  it('turns problem+json into an ApiError with field errors', async () => {
    const { api } = client(() =>
      json(
        {
          title: 'Invalid request',
          detail: 'Some fields are invalid',
          errors: [{ field: 'email', message: 'must be a well-formed email address' }],
        },
        400,
      ),
    )
    const error = await api.request('/api/v1/auth/register', { json: {}, auth: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(400)
    expect((error as ApiError).message).toBe('Some fields are invalid')
    expect((error as ApiError).fieldError('email')).toBe('must be a well-formed email address')
  })

  it('keeps the token when the network is down during a refresh', async () => {
    let time = 0
    const { api } = client(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => time,
    )
    api.acceptTokens(tokens('t1', 60))
    time = 59_000
    expect(await api.freshToken()).toBe('t1')
    expect(api.signedIn).toBe(true)
  })

  it('never attaches a token to calls marked auth: false', async () => {
    const { api, calls } = client(() => json(tokens('t9')))
    api.acceptTokens(tokens('t1'))
    await api.request('/api/v1/auth/login', { json: { email: 'a', password: 'b' }, auth: false })
    expect(header(calls[0]!.init, 'Authorization')).toBeUndefined()
    expect(header(calls[0]!.init, 'Content-Type')).toBe('application/json')
  })
})

describe('ApiClient session state', () => {
  const restricted = (extra: Partial<TokenResponse>): TokenResponse => ({ ...tokens('t1'), ...extra })

  it('takes the idle timeout the server answers and counts it on its own clock', () => {
    let now = 1_000_000
    const { api } = client(
      () => json({}),
      () => now,
    )
    // The browser clock is ten minutes behind the server's deadline, and the timeout says 70 s exactly.
    api.acceptTokens(
      restricted({ idle_expires_at: new Date(now + 600_000 + 69_400).toISOString(), idle_timeout_seconds: 70 }),
    )
    expect(api.idleTimeout).toBe(70_000)
    expect(api.idleDeadline).toBe(now + 70_000)
    // Counted from when the request left, not from the answer: never later than the server's deadline.
    api.acceptTokens(restricted({ idle_timeout_seconds: 30 * 60 }), now - 400)
    expect(api.idleTimeout).toBe(30 * 60_000)
    expect(api.idleDeadline).toBe(now - 400 + 30 * 60_000)
    now += 1000
    api.acceptTokens(tokens('t2'))
    expect(api.idleDeadline).toBeNull()
  })

  it('moves the deadline on with requests, but only as far as the server is sure to have noted them', async () => {
    let now = 1_000_000
    const { api } = client(
      () => json({ ok: true }),
      () => now,
    )
    api.acceptTokens(restricted({ idle_timeout_seconds: 30 * 60 }))
    const changes: (number | null)[] = []
    api.onStateChange(() => changes.push(api.idleDeadline))
    now += 30_000
    await api.request('/api/v1/files')
    // The server notes use at most once a minute: this request may not have moved its deadline.
    expect(api.idleDeadline).toBe(1_000_000 + 30 * 60_000)
    now += 10 * 60_000
    await api.request('/api/v1/files')
    expect(api.idleDeadline).toBe(now - 60_000 + 30 * 60_000)
    expect(changes).toEqual([now - 60_000 + 30 * 60_000])
  })

  it('moves the deadline of every tab of the session when one of them is used', async () => {
    let now = 1_000_000
    const listeners: ((sentAt: number) => void)[] = []
    const channel = {
      post: (sentAt: number) => listeners.forEach((l) => l(sentAt)),
      listen: (l: (sentAt: number) => void) => listeners.push(l),
    }
    const tab = (): ApiClient =>
      new ApiClient({
        fetch: (async () => json({ ok: true })) as unknown as typeof fetch,
        now: () => now,
        activity: channel,
      })
    const used = tab()
    const idle = tab()
    used.acceptTokens(restricted({ idle_timeout_seconds: 30 * 60 }))
    idle.acceptTokens(restricted({ idle_timeout_seconds: 30 * 60 }))

    now += 10 * 60_000
    await used.request('/api/v1/files')

    expect(idle.idleDeadline).toBe(now - 60_000 + 30 * 60_000)
    expect(idle.idleDeadline).toBe(used.idleDeadline)
  })

  it('does not count requests that were turned away unauthenticated', async () => {
    let now = 1_000_000
    const { api } = client(
      (url) => (url === REFRESH_PATH ? json({ title: 'Unauthorized' }, 401) : json({ title: 'Unauthorized' }, 401)),
      () => now,
    )
    api.acceptTokens(restricted({ idle_timeout_seconds: 120 }))
    now += 100_000
    await expect(api.request('/api/v1/files')).rejects.toBeInstanceOf(ApiError)
    expect(api.signedIn).toBe(false)
    expect(api.idleDeadline).toBeNull()
  })

  it('carries the restriction of the tokens and of any 403 that names one', async () => {
    const { api } = client((url) =>
      url === '/api/v1/files'
        ? json({ type: '/problems/password-change-required', title: 'Password change required', status: 403 }, 403)
        : json({}),
    )
    api.acceptTokens(restricted({ mfa_enrollment_required: true }))
    expect(api.restriction).toBe('mfa-enrollment')
    api.acceptTokens(tokens('t2'))
    expect(api.restriction).toBeNull()
    await expect(api.request('/api/v1/files')).rejects.toBeInstanceOf(ApiError)
    expect(api.restriction).toBe('password-change')
    api.forget()
    expect(api.restriction).toBeNull()
  })

  it('leaves other 403s alone', async () => {
    const { api } = client(() => json({ type: '/problems/forbidden', title: 'Forbidden', status: 403 }, 403))
    api.acceptTokens(tokens('t1'))
    await expect(api.request('/api/v1/admin/users')).rejects.toBeInstanceOf(ApiError)
    expect(api.restriction).toBeNull()
  })
})

describe('ApiError.fieldError', () => {
  it('gives a field’s message followed by the hints not already in it, as the server wrote them', () => {
    const error = new ApiError(400, {
      type: '/problems/validation',
      errors: [
        {
          field: 'new_password',
          message: 'Das Passwort ist zu leicht zu erraten (geschätzte Stärke 31 Bit, mindestens 50 nötig).',
          suggestions: ['Vermeiden Sie Zeichenfolgen.', 'Das Passwort ist zu leicht zu erraten'],
        },
        { field: 'email', message: 'muss eine gültige E-Mail-Adresse sein' },
      ],
    })
    expect(error.fieldError('new_password')).toBe(
      'Das Passwort ist zu leicht zu erraten (geschätzte Stärke 31 Bit, mindestens 50 nötig). Vermeiden Sie Zeichenfolgen.',
    )
    expect(error.fieldError('email')).toBe('muss eine gültige E-Mail-Adresse sein')
    expect(error.fieldError('name')).toBeUndefined()
  })
})
