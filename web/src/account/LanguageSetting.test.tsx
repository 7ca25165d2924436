// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, respond, TOKENS, type Call } from '../auth/testServer'
import { renderApp } from '../test/render'
import { LanguageSetting } from './LanguageSetting'

const ME = { id: 'u1', email: 'ada@example.com', role: 'user', scopes: ['read'] }

function signedInAs(me: Record<string, unknown>): Call[] {
  // The refresh cookie's readable CSRF twin: a session to restore.
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => '__Host-ferry-csrf=c' })
  return fakeServer({
    '/api/v1/auth/refresh': respond(200, TOKENS),
    '/api/v1/me': (body) => (body === undefined ? respond(200, me) : respond(204, null)),
  })
}

describe('LanguageSetting', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    Reflect.deleteProperty(document, 'cookie')
  })

  it('saves the chosen language on the account and switches the UI to it', async () => {
    const calls = signedInAs(ME)
    renderApp(<LanguageSetting />)
    const select = await screen.findByRole('combobox', { name: 'Language' })
    await waitFor(() => expect((select as HTMLSelectElement).value).toBe(''))

    await userEvent.selectOptions(select, 'en')

    await waitFor(() => expect(calls).toContainEqual({ url: '/api/v1/me', body: { locale: 'en' } }))
    expect(await screen.findByText('Language saved')).toBeTruthy()
    expect(localStorage.getItem('ferry.locale')).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('shows the account language and clears it to follow the browser', async () => {
    const calls = signedInAs({ ...ME, locale: 'en' })
    renderApp(<LanguageSetting />)
    const select = (await screen.findByRole('combobox', { name: 'Language' })) as HTMLSelectElement
    await waitFor(() => expect(select.value).toBe('en'))

    await userEvent.selectOptions(select, '')

    await waitFor(() => expect(calls).toContainEqual({ url: '/api/v1/me', body: { locale: null } }))
  })
})
