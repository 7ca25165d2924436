// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { renderApp } from '../test/render'
import { PublicUploadPage } from './PublicUploadPage'

function respond(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const INFO = {
  title: 'Tax papers',
  owner_name: 'Ada',
  allowed_types: [],
  expires_at: '2099-12-01T00:00:00Z',
  password_required: false,
  email_verification_required: false,
  captcha_required: false,
}

interface Call {
  url: string
  method: string
  body: unknown
}

/** Answers the page's requests from `answer` and keeps what was asked, bodies parsed. */
function server(answer: (url: string, method: string, attempt: number) => Response): Call[] {
  const calls: Call[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET'
      calls.push({ url, method, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined })
      return answer(url, method, calls.filter((c) => c.url === url).length)
    }),
  )
  return calls
}

function renderPage() {
  renderApp(
    <Routes>
      <Route path="/u/:token" element={<PublicUploadPage />} />
    </Routes>,
    '/u/tok',
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('the public page of an upload request', () => {
  it('shows what the owner asks for and lets an invited uploader in with a mailed code and the password', async () => {
    const calls = server((url) =>
      url.endsWith('/verify-email')
        ? respond({ status: 'sent_if_allowed' }, 202)
        : url.endsWith('/verify-email/confirm')
          ? respond({ session_token: 'urs_1', expires_at: '2099-12-01T00:00:00Z' })
          : respond({
              ...INFO,
              message: 'The 2026 tax papers, as PDFs please.',
              password_required: true,
              email_verification_required: true,
            }),
    )
    renderPage()
    const user = userEvent.setup()

    expect(await screen.findByText('The 2026 tax papers, as PDFs please.')).toBeTruthy()
    await user.type(await screen.findByLabelText('Your email address'), 'bob@example.com')
    await user.click(screen.getByRole('button', { name: 'Send me a code' }))
    expect(await screen.findByText(/is invited, a 6-digit code is on its way/)).toBeTruthy()
    await user.type(screen.getByLabelText('Code'), ' 123456 ')
    await user.type(screen.getByLabelText('Password'), 'open sesame')
    await user.click(screen.getByRole('button', { name: 'Confirm' }))

    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: 'Choose files' }).hasAttribute('disabled')).toBe(false),
    )
    expect(calls.find((c) => c.url.endsWith('/verify-email'))?.body).toEqual({
      email: 'bob@example.com',
    })
    expect(calls.find((c) => c.url.endsWith('/verify-email/confirm'))?.body).toEqual({
      email: 'bob@example.com',
      code: '123456',
      password: 'open sesame',
    })
    expect(calls.some((c) => c.url.endsWith('/session'))).toBe(false)
  })

  it('shows a wrong code and keeps the form', async () => {
    server((url) =>
      url.endsWith('/verify-email')
        ? respond({ status: 'sent_if_allowed' }, 202)
        : url.endsWith('/verify-email/confirm')
          ? respond(
              { title: 'Invalid code', status: 400, detail: 'The code is wrong or has expired.' },
              400,
              'application/problem+json',
            )
          : respond({ ...INFO, email_verification_required: true }),
    )
    renderPage()
    const user = userEvent.setup()

    await user.type(await screen.findByLabelText('Your email address'), 'bob@example.com')
    await user.click(screen.getByRole('button', { name: 'Send me a code' }))
    await user.type(await screen.findByLabelText('Code'), '000000')
    expect(screen.queryByLabelText('Password')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Confirm' }))

    expect((await screen.findByRole('alert')).textContent).toContain('The code is wrong or has expired.')
    expect(screen.queryByRole('button', { name: 'Choose files' })).toBeNull()
  })

  it('says why uploads cannot start when the session fails, and tries again on request', async () => {
    const calls = server((url, _method, attempt) =>
      url.endsWith('/session')
        ? attempt === 1
          ? respond(
              { title: 'Service unavailable', status: 503, detail: 'The database is unavailable; try again shortly.' },
              503,
              'application/problem+json',
            )
          : respond({ session_token: 'urs_2', expires_at: '2099-12-01T00:00:00Z' })
        : respond(INFO),
    )
    renderPage()
    const user = userEvent.setup()

    expect(await screen.findByText('Could not open this request for uploads')).toBeTruthy()
    expect(screen.getByText('The database is unavailable; try again shortly.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Try again' }))

    await vi.waitFor(() =>
      expect(screen.getByRole('button', { name: 'Choose files' }).hasAttribute('disabled')).toBe(false),
    )
    expect(calls.filter((c) => c.url.endsWith('/session'))).toHaveLength(2)
  })
})
