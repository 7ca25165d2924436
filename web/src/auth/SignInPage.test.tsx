// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { renderApp } from '../test/render'
import { SignInPage } from './SignInPage'

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('SignInPage', () => {
  it('asks for cookie mode and shows the server problem on failure', async () => {
    const bodies: unknown[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url === '/api/v1/auth/refresh') return respond(401, { title: 'Unauthorized' })
        bodies.push(JSON.parse(String(init.body)))
        return respond(401, { title: 'Unauthorized', detail: 'Wrong email or password.' })
      }),
    )
    renderApp(<SignInPage />, '/signin')
    const user = userEvent.setup()
    const email = await screen.findByLabelText('Email')
    await user.type(email, 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Wrong email or password.')
    expect(bodies).toEqual([{ email: 'ada@example.com', password: 'correct horse battery', use_cookie: true }])
  })

  it('asks for the second factor when the account has one and finishes with the code', async () => {
    const calls: { url: string; body: unknown }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        if (url === '/api/v1/auth/refresh') return respond(401, { title: 'Unauthorized' })
        if (url === '/api/v1/me') return respond(200, { id: 'u1', email: 'ada@example.com', role: 'user', scopes: [] })
        calls.push({ url, body: JSON.parse(String(init.body)) })
        if (url === '/api/v1/auth/login') return respond(200, { mfa_required: true, mfa_token: 'ticket', mfa_methods: ['totp'], expires_in: 300 })
        return respond(200, { access_token: 'at', token_type: 'Bearer', expires_in: 900 })
      }),
    )
    renderApp(<SignInPage />, '/signin')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Email'), 'ada@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await user.type(await screen.findByLabelText('Code'), '123456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    await waitFor(() => expect(api.signedIn).toBe(true))
    expect(calls[1]).toEqual({ url: '/api/v1/auth/login/mfa', body: { mfa_token: 'ticket', code: '123456', use_cookie: true } })
  })

  it('keeps the button disabled until both fields are filled', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(401, {})))
    renderApp(<SignInPage />, '/signin')
    const button = await screen.findByRole('button', { name: 'Sign in' })
    expect(button).toHaveProperty('disabled', true)
    await userEvent.type(screen.getByLabelText('Email'), 'a@b.c')
    await waitFor(() => expect(button).toHaveProperty('disabled', true))
  })
})
