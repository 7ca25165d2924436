// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Route, Routes } from 'react-router'
import { api, type TokenResponse } from '../api/client'
import { RequireAuth } from '../App'
import { renderApp } from '../test/render'
import { SignedOutNotice } from './SignedOutNotice'

function respond(status: number, body?: unknown): Response {
  if (body === undefined) return new Response(null, { status })
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

const ME = { id: 'u1', email: 'ada@example.com', role: 'user', scopes: ['read'] }

function tokens(extra: Partial<TokenResponse> = {}): TokenResponse {
  return { access_token: `t${Math.random()}`, token_type: 'Bearer', expires_in: 900, ...extra }
}

type Handler = (url: string, init: RequestInit) => Response | undefined

function serve(handler: Handler) {
  const calls: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push(`${init.method ?? 'GET'} ${url}`)
      return handler(url, init) ?? (url === '/api/v1/me' ? respond(200, ME) : respond(404, { title: 'Not found' }))
    }),
  )
  return calls
}

function TargetPage() {
  return <p>The page asked for</p>
}

function renderGuarded() {
  return renderApp(
    <Routes>
      <Route
        path="/signin"
        element={
          <>
            <SignedOutNotice />
            <p>Sign-in page</p>
          </>
        }
      />
      <Route
        path="/files"
        element={
          <RequireAuth>
            <TargetPage />
          </RequireAuth>
        }
      />
    </Routes>,
    '/files',
  )
}

beforeEach(() => {
  // The refresh cookie's readable CSRF twin: a session to restore.
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => '__Host-ferry-csrf=c' })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  api.forget()
})

describe('restricted sessions', () => {
  it('hold the user at the enrollment step until a second factor is set up, then show the page asked for', async () => {
    let enrolled = false
    const calls = serve((url) => {
      if (url === '/api/v1/auth/refresh') return respond(200, tokens(enrolled ? {} : { mfa_enrollment_required: true }))
      if (url === '/api/v1/auth/2fa/enable')
        return respond(200, { secret: 'JBSWY3DPEHPK3PXP', otpauth_uri: 'otpauth://totp/x', qr: 'data:image/svg+xml,' })
      if (url === '/api/v1/auth/2fa/verify') {
        enrolled = true
        return respond(200, { recovery_codes: ['aaaa-bbbb', 'cccc-dddd'] })
      }
      return undefined
    })
    renderGuarded()
    const user = userEvent.setup()
    expect(await screen.findByRole('heading', { name: 'Set up two-factor authentication' })).toBeTruthy()
    expect(screen.queryByText('The page asked for')).toBeNull()

    await user.click(screen.getByRole('button', { name: /Authenticator app/ }))
    await user.type(await screen.findByLabelText('Code from the app'), '123 456')
    await user.click(screen.getByRole('button', { name: 'Turn on' }))
    expect(await screen.findByText('aaaa-bbbb')).toBeTruthy()
    const next = screen.getByRole('button', { name: 'Continue' })
    expect(next).toHaveProperty('disabled', true)
    await user.click(screen.getByLabelText('I saved my recovery codes'))
    await user.click(next)

    expect(await screen.findByText('The page asked for')).toBeTruthy()
    expect(calls.filter((c) => c === 'POST /api/v1/auth/refresh')).toHaveLength(2)
  })

  it('send the user to the password step when any request answers password-change-required', async () => {
    serve((url) => (url === '/api/v1/auth/refresh' ? respond(200, tokens()) : undefined))
    renderGuarded()
    expect(await screen.findByText('The page asked for')).toBeTruthy()
    serve(() =>
      respond(403, { type: '/problems/password-change-required', title: 'Password change required', status: 403 }),
    )
    await act(async () => {
      await api.request('/api/v1/files').catch(() => undefined)
    })
    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toBeTruthy()
    expect(screen.queryByText('The page asked for')).toBeNull()
  })
})

describe('idle sign-out', () => {
  it('warns a minute ahead with a countdown, stays signed in on request, and signs out at the deadline', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const idleFor = 2 * 60_000
    const calls = serve((url) => {
      if (url === '/api/v1/auth/refresh')
        return respond(
          200,
          tokens({
            idle_expires_at: new Date(Date.now() + idleFor).toISOString(),
            idle_timeout_seconds: idleFor / 1000,
          }),
        )
      if (url === '/api/v1/auth/logout') return respond(204)
      return undefined
    })
    renderGuarded()
    expect(await screen.findByText('The page asked for')).toBeTruthy()

    await act(async () => vi.advanceTimersByTimeAsync(60_000))
    expect(screen.getByRole('heading', { name: "You'll be signed out in 1:00" })).toBeTruthy()
    await act(async () => vi.advanceTimersByTimeAsync(1_000))
    expect(screen.getByRole('heading', { name: "You'll be signed out in 0:59" })).toBeTruthy()

    await act(async () => screen.getByRole('button', { name: 'Stay signed in' }).click())
    await waitFor(() => expect(screen.queryByRole('heading', { name: /signed out in/ })).toBeNull())
    expect(calls.filter((c) => c === 'POST /api/v1/auth/refresh')).toHaveLength(2)

    await act(async () => vi.advanceTimersByTimeAsync(idleFor))
    expect(await screen.findByText('Sign-in page')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('You were signed out after 2 minutes of inactivity.')
    expect(calls).toContain('POST /api/v1/auth/logout')
  })
})
