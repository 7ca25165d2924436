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

  it('keeps the button disabled until both fields are filled', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => respond(401, {})))
    renderApp(<SignInPage />, '/signin')
    const button = await screen.findByRole('button', { name: 'Sign in' })
    expect(button).toHaveProperty('disabled', true)
    await userEvent.type(screen.getByLabelText('Email'), 'a@b.c')
    await waitFor(() => expect(button).toHaveProperty('disabled', true))
  })
})
