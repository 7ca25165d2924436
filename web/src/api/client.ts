import { defineMessages } from 'react-intl'
import { currentLocale, translate } from '../i18n/current'
import type { Received, Schemas } from './types'
import { browserActivity, type ActivityChannel } from '../lib/tabActivity'

/**
 * The one way the UI talks to the server. The access token lives only in this object's
 * memory (never in storage, so a script injected into the page finds nothing to steal for
 * later); a reload recovers a session through the HttpOnly refresh cookie, sent only to
 * the refresh endpoint, with the CSRF header the server asks for on cookie calls.
 */

export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: { field: string; message: string; suggestions?: string[] }[]
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  /** Seconds the server asked to wait (Retry-After on a 429), when it said. */
  readonly retryAfter: number | null

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? translate(STATUS.other, { status }))
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  /**
   * What the server said about one form field, when it named it: its message followed by its
   * hints (the password policy's suggestions), each as the server wrote it in the language
   * the request asked for. Never glued into a sentence of the UI's own.
   */
  fieldError(field: string): string | undefined {
    const error = this.problem.errors?.find((e) => e.field === field)
    if (!error) return undefined
    const hints = (error.suggestions ?? []).filter((hint) => !error.message.includes(hint))
    return [error.message, ...hints].join(' ')
  }
}

/** `idle_timeout_seconds`, for browser sessions: how long the session lives unused. */
export type TokenResponse = Received<Schemas['TokenResponse'], 'access_token' | 'token_type' | 'expires_in'>

/** What a restricted session must do before anything else works. */
export type Restriction = 'mfa-enrollment' | 'password-change'

const RESTRICTION_PROBLEMS: Record<string, Restriction> = {
  '/problems/mfa-enrollment-required': 'mfa-enrollment',
  '/problems/password-change-required': 'password-change',
}

/**
 * The server notes a session's use at most once a minute, so a request proves activity
 * only up to a minute back; the client's deadline must never be later than the server's.
 */
export const SERVER_TOUCH_INTERVAL_MS = 60_000

export const REFRESH_PATH = '/api/v1/auth/refresh'
/** The readable double-submit cookie the server sets beside the HttpOnly refresh cookie. */
export const CSRF_COOKIE = '__Host-ferry-csrf'
export const CSRF_HEADER = 'X-CSRF-Token'

/** Refresh this long before the access token expires, so a request never races its expiry. */
const EXPIRY_MARGIN_MS = 30_000

export interface RequestOptions {
  method?: string
  json?: unknown
  body?: BodyInit
  headers?: Record<string, string>
  /** false for calls that must not carry or refresh a token (sign-in, setup, register). */
  auth?: boolean
  signal?: AbortSignal
}

type Fetch = typeof fetch

/** Runs `task` while holding the named lock, so no other tab runs one under the same name meanwhile. */
export type Exclusive = <T>(name: string, task: () => Promise<T>) => Promise<T>

const REFRESH_LOCK = 'ferry-refresh'

/** The Web Locks API where the browser has it (every current one does); plain otherwise. */
const browserLock: Exclusive = <T>(name: string, task: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(name, task) as Promise<T>) : task()

export class ApiClient {
  private accessToken: string | null = null
  private expiresAt = 0
  private refreshing: Promise<string | null> | null = null
  private restrictionValue: Restriction | null = null
  private idleTimeoutMs: number | null = null
  private idleDeadlineValue: number | null = null
  private readonly listeners = new Set<(signedIn: boolean) => void>()
  private readonly stateListeners = new Set<() => void>()
  private readonly fetchFn: Fetch
  private readonly now: () => number
  private readonly readCookie: (name: string) => string | undefined
  private readonly acrossTabs: Exclusive
  private readonly activity: ActivityChannel | null

  constructor(
    options: {
      fetch?: Fetch
      now?: () => number
      readCookie?: (name: string) => string | undefined
      acrossTabs?: Exclusive
      activity?: ActivityChannel | null
    } = {},
  ) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init))
    this.now = options.now ?? (() => Date.now())
    this.readCookie = options.readCookie ?? documentCookie
    this.acrossTabs = options.acrossTabs ?? browserLock
    this.activity = options.activity !== undefined ? options.activity : browserActivity()
    this.activity?.listen((sentAt) => this.noteActivity(sentAt, false))
  }

  get signedIn(): boolean {
    return this.accessToken !== null
  }

  /** Called with false when the session ends (sign-out, or a refresh the server refused). */
  onSessionChange(listener: (signedIn: boolean) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** What the session must do first (set up a second factor, change the password), or null. */
  get restriction(): Restriction | null {
    return this.restrictionValue
  }

  /** When (epoch ms, this browser's clock) a browser session ends without further use; null when it does not. */
  get idleDeadline(): number | null {
    return this.idleDeadlineValue
  }

  /** The server's idle timeout for this session, as learned at sign-in or refresh. */
  get idleTimeout(): number | null {
    return this.idleTimeoutMs
  }

  /** Called when the restriction or the idle deadline changes. */
  onStateChange(listener: () => void): () => void {
    this.stateListeners.add(listener)
    return () => this.stateListeners.delete(listener)
  }

  /** This client's clock, for {@link acceptTokens}'s `sentAt`. */
  time(): number {
    return this.now()
  }

  /**
   * `sentAt` is when the request that answered `tokens` left: the server noted the session's
   * use after that, so a deadline counted from it is never later than the server's.
   */
  acceptTokens(tokens: TokenResponse, sentAt?: number): void {
    const wasSignedIn = this.signedIn
    const now = this.now()
    this.accessToken = tokens.access_token
    this.expiresAt = now + tokens.expires_in * 1000
    this.restrictionValue = tokens.mfa_enrollment_required
      ? 'mfa-enrollment'
      : tokens.password_change_required
        ? 'password-change'
        : null
    if (tokens.idle_timeout_seconds) {
      // Counted on this browser's clock, so one minutes off still gets the deadline right.
      this.idleTimeoutMs = tokens.idle_timeout_seconds * 1000
      this.idleDeadlineValue = (sentAt ?? now) + this.idleTimeoutMs
    } else {
      this.idleTimeoutMs = null
      this.idleDeadlineValue = null
    }
    if (!wasSignedIn) this.emit(true)
    this.emitState()
  }

  forget(): void {
    const wasSignedIn = this.signedIn
    this.accessToken = null
    this.expiresAt = 0
    this.restrictionValue = null
    this.idleTimeoutMs = null
    this.idleDeadlineValue = null
    if (wasSignedIn) this.emit(false)
    this.emitState()
  }

  /**
   * A request the server accepted at {@code sentAt} counts as use of the session there too;
   * {@code own} when this tab sent it, so that the other tabs hear of it.
   */
  private noteActivity(sentAt: number, own = true): void {
    if (own) this.activity?.post(sentAt)
    if (this.idleTimeoutMs === null || this.idleDeadlineValue === null) return
    const proven = sentAt - SERVER_TOUCH_INTERVAL_MS + this.idleTimeoutMs
    if (proven > this.idleDeadlineValue) {
      this.idleDeadlineValue = proven
      this.emitState()
    }
  }

  private restrict(restriction: Restriction): void {
    if (this.restrictionValue === restriction) return
    this.restrictionValue = restriction
    this.emitState()
  }

  /** A token good for at least the next half minute, refreshing first when needed; null when signed out. */
  async freshToken(): Promise<string | null> {
    if (this.accessToken && this.now() < this.expiresAt - EXPIRY_MARGIN_MS) return this.accessToken
    return this.refresh()
  }

  /**
   * Trades the refresh cookie for a new access token. Concurrent callers share one call:
   * the server rotates the refresh token on every use and treats a second use of the old
   * one as theft, so two parallel refreshes would sign the user out.
   */
  refresh(): Promise<string | null> {
    // Other tabs share the refresh cookie: the lock makes them take turns, so each one
    // presents the token the previous one was given instead of reusing a spent one.
    this.refreshing ??= this.acrossTabs(REFRESH_LOCK, () => this.doRefresh()).finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async doRefresh(): Promise<string | null> {
    if (this.readCookie(CSRF_COOKIE) === undefined) {
      // The CSRF cookie lives exactly as long as the refresh cookie: without it there is no session to restore.
      this.forget()
      return null
    }
    let response: Response
    const sentAt = this.now()
    try {
      response = await this.fetchFn(REFRESH_PATH, {
        method: 'POST',
        credentials: 'same-origin',
        headers: this.csrfHeaders({ Accept: 'application/json' }),
      })
    } catch {
      // Offline: keep the current token (it may still work) rather than signing out.
      return this.accessToken
    }
    if (!response.ok) {
      this.forget()
      return null
    }
    this.acceptTokens((await response.json()) as TokenResponse, sentAt)
    return this.accessToken
  }

  /** Headers for a call that authenticates with the refresh cookie (refresh, sign-out). */
  csrfHeaders(headers: Record<string, string> = {}): Record<string, string> {
    const token = this.readCookie(CSRF_COOKIE)
    return token ? { ...headers, [CSRF_HEADER]: token } : headers
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options)
    if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T
    const type = response.headers.get('Content-Type') ?? ''
    return (type.includes('json') ? await response.json() : await response.text()) as T
  }

  /** Sends with the bearer token; on a 401 refreshes once and retries, then gives up. */
  async send(path: string, options: RequestOptions = {}): Promise<Response> {
    const useAuth = options.auth !== false
    const token = useAuth ? await this.freshToken() : null
    let sentAt = this.now()
    let response = await this.fetchOnce(path, options, token)
    if (response.status === 401 && useAuth && token !== null) {
      const renewed = await this.refresh()
      sentAt = this.now()
      if (renewed !== null && renewed !== token) response = await this.fetchOnce(path, options, renewed)
    }
    if (useAuth && token !== null && response.status !== 401) this.noteActivity(sentAt)
    if (!response.ok) {
      const error = await toError(response)
      const restriction = response.status === 403 ? RESTRICTION_PROBLEMS[error.problem.type ?? ''] : undefined
      if (restriction && this.signedIn) this.restrict(restriction)
      throw error
    }
    return response
  }

  private fetchOnce(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      // The language the user chose in Ferry, which may differ from the browser's, for problem details.
      'Accept-Language': currentLocale(),
      ...options.headers,
    }
    let body = options.body
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json'
      body = JSON.stringify(options.json)
    }
    if (token) headers.Authorization = `Bearer ${token}`
    return this.fetchFn(path, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    })
  }

  private emit(signedIn: boolean): void {
    for (const listener of this.listeners) listener(signedIn)
  }

  private emitState(): void {
    for (const listener of this.stateListeners) listener()
  }
}

/** The server's clock from a response's Date header, when it has one. */
async function toError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status }
  try {
    const type = response.headers.get('Content-Type') ?? ''
    if (type.includes('json')) problem = { ...problem, ...((await response.json()) as Problem) }
  } catch {
    // A body that is not JSON (a proxy's HTML page) leaves the status as the only clue.
  }
  if (!problem.detail && !problem.title) problem.title = statusText(response.status)
  return new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('Retry-After')))
}

/** Retry-After is either seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null
  if (/^\d+$/.test(header.trim())) return Number(header.trim())
  const at = Date.parse(header)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000))
}

const STATUS = defineMessages({
  server: { id: 'api.status.server', defaultMessage: 'The server had a problem. Try again in a moment.' },
  notFound: { id: 'api.status.notFound', defaultMessage: 'Not found.' },
  forbidden: { id: 'api.status.forbidden', defaultMessage: 'You are not allowed to do this.' },
  tooMany: { id: 'api.status.tooMany', defaultMessage: 'Too many attempts. Wait a moment and try again.' },
  other: { id: 'api.status.other', defaultMessage: 'Request failed ({status}).' },
})

function statusText(status: number): string {
  if (status === 0 || status >= 500) return translate(STATUS.server)
  if (status === 404) return translate(STATUS.notFound)
  if (status === 403) return translate(STATUS.forbidden)
  if (status === 429) return translate(STATUS.tooMany)
  return translate(STATUS.other, { status })
}

function documentCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  const prefix = `${name}=`
  const found = document.cookie.split('; ').find((c) => c.startsWith(prefix))
  return found ? decodeURIComponent(found.slice(prefix.length)) : undefined
}

export const api = new ApiClient()
