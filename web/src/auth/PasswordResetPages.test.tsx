// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../App'
import { api } from '../api/client'
import { renderApp } from '../test/render'
import { fakeServer, respond } from './testServer'

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
  history.replaceState(null, '', '/')
  localStorage.removeItem('ferry.locale')
})

const NEW_PASSWORD = 'a brand new harbour passphrase'

describe('ForgotPasswordPage', () => {
  it('asks for a link and answers the same whether or not the account exists', async () => {
    const calls = fakeServer({ '/api/v1/auth/password-reset': respond(202, null) })
    renderApp(<App />, '/signin')
    const user = userEvent.setup()
    await user.click(await screen.findByRole('link', { name: 'Forgot password?' }))
    await user.type(await screen.findByLabelText('Email'), ' nobody@example.com ')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    expect((await screen.findByRole('status')).textContent).toBe(
      'If an account exists for nobody@example.com, we sent a link to reset its password.',
    )
    expect(calls).toEqual([{ url: '/api/v1/auth/password-reset', body: { email: 'nobody@example.com' } }])
  })
})

describe('ResetPasswordPage', () => {
  it('sets the password with the token from the fragment and sends the person to sign in with a note', async () => {
    const calls = fakeServer({ '/api/v1/auth/password-reset/confirm': respond(204, null) })
    history.replaceState(null, '', '/reset-password#token=reset-token-1')
    renderApp(<App />, '/reset-password')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Password'), NEW_PASSWORD)
    await user.type(screen.getByLabelText('Repeat password'), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Set new password' }))
    expect(await screen.findByRole('heading', { name: 'Sign in to Ferry' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('Sign in with your new password.')
    expect(calls).toEqual([
      { url: '/api/v1/auth/password-reset/confirm', body: { token: 'reset-token-1', password: NEW_PASSWORD } },
    ])
    expect(window.location.hash).toBe('')
  })

  it('shows the policy problem and its suggestions at the password field', async () => {
    fakeServer({
      '/api/v1/auth/password-reset/confirm': respond(400, {
        type: '/problems/validation',
        errors: [
          {
            field: 'password',
            message: 'This password was one of your last 5 passwords; choose one you have not used before.',
            suggestions: ['Pick one you never used.'],
          },
        ],
      }),
    })
    history.replaceState(null, '', '/reset-password#token=reset-token-2')
    renderApp(<App />, '/reset-password')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Password'), NEW_PASSWORD)
    await user.type(screen.getByLabelText('Repeat password'), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Set new password' }))
    const field = screen.getByLabelText('Password')
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'))
    const message = document.getElementById(`${field.id}-error`)!
    expect(message.textContent).toBe(
      'This password was one of your last 5 passwords; choose one you have not used before. Pick one you never used.',
    )
  })

  it('shows the server’s own words in the page’s language, never glued to a sentence of its own', async () => {
    localStorage.setItem('ferry.locale', 'de')
    fakeServer({
      '/api/v1/auth/password-reset/confirm': respond(400, {
        type: '/problems/validation',
        errors: [
          {
            field: 'password',
            message: 'darf nicht leer sein',
            suggestions: ['Wiederholungen wie „aaa“ sind leicht zu erraten.'],
          },
        ],
      }),
    })
    history.replaceState(null, '', '/reset-password#token=reset-token-3')
    renderApp(<App />, '/reset-password')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Passwort'), NEW_PASSWORD)
    await user.type(screen.getByLabelText('Passwort wiederholen'), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Neues Passwort festlegen' }))
    const field = screen.getByLabelText('Passwort')
    await vi.waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'))
    expect(document.getElementById(`${field.id}-error`)!.textContent).toBe(
      'darf nicht leer sein Wiederholungen wie „aaa“ sind leicht zu erraten.',
    )
  })

  it('offers a new link when the token is spent', async () => {
    fakeServer({
      '/api/v1/auth/password-reset/confirm': respond(400, {
        type: '/problems/invalid-reset-token',
        detail: 'The password-reset link is unknown.',
      }),
    })
    history.replaceState(null, '', '/reset-password#token=used')
    renderApp(<App />, '/reset-password')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Password'), NEW_PASSWORD)
    await user.type(screen.getByLabelText('Repeat password'), NEW_PASSWORD)
    await user.click(screen.getByRole('button', { name: 'Set new password' }))
    expect((await screen.findByRole('alert')).textContent).toContain('unknown, expired or already used')
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('/forgot-password')
  })

  it('explains what to do when opened without a token', async () => {
    fakeServer({})
    renderApp(<App />, '/reset-password')
    expect(await screen.findByRole('heading', { name: 'Reset link needed' })).toBeTruthy()
  })
})
