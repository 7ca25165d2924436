// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { renderWithCatalogue } from '../test/renderWithCatalogue'
import { PublicUploadPage } from './PublicUploadPage'
import { UploadRequestsPage } from './UploadRequestsPage'

function respond(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

const REQUEST = {
  id: 'r1',
  title: 'Tax papers',
  status: 'active',
  folder: '/Inbox',
  password_required: false,
  allowed_emails: [],
  allowed_types: [],
  files_received: 3,
  bytes_received: 5000,
  expires_at: '2099-12-01T00:00:00Z',
  created_at: '2026-11-01T00:00:00Z',
  captcha: false,
}

const GERMAN = {
  'requests.list.received': '{count, plural, one {# Datei} other {# Dateien}} · {size} · nach {folder}',
  'requests.list.status': '{status, select, active {Offen} other {{status}}}',
  'requests.public.fromOwner': '{name} bittet dich um Dateien · offen bis {until}',
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('upload requests in another language', () => {
  it('lists requests with the catalogue plural and status, English where the catalogue lacks an id', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/upload-requests') ? respond({ items: [REQUEST], next_cursor: null }) : respond({}),
      ),
    )
    renderWithCatalogue(<UploadRequestsPage />, { locale: 'de', messages: GERMAN })
    expect(await screen.findByText('Tax papers')).toBeTruthy()
    expect(document.body.textContent).toContain('3 Dateien · 5 kB · nach /Inbox')
    expect(screen.getByText('Offen')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Upload requests' })).toBeTruthy()
  })

  it('greets the visitor of the public page in the catalogue language', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        respond({
          title: 'Tax papers',
          owner_name: 'Ada',
          allowed_types: [],
          expires_at: '2099-12-01T00:00:00Z',
          password_required: true,
          email_verification_required: false,
          captcha_required: false,
        }),
      ),
    )
    renderWithCatalogue(
      <Routes>
        <Route path="/u/:token" element={<PublicUploadPage />} />
      </Routes>,
      { locale: 'de', messages: GERMAN, path: '/u/tok' },
    )
    expect(await screen.findByRole('heading', { name: 'Tax papers' })).toBeTruthy()
    expect(document.body.textContent).toContain('Ada bittet dich um Dateien · offen bis')
    expect(screen.getByRole('button', { name: 'Continue' })).toBeTruthy()
  })
})

describe('a new upload request for invited people', () => {
  it('sends the invited addresses and turns the CAPTCHA off while there are some', async () => {
    const posted: unknown[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posted.push(JSON.parse(init.body as string))
          return respond({ ...REQUEST, url: 'https://ferry.example/u/t1', allowed_emails: ['bob@example.com'] })
        }
        return url.includes('/upload-requests') ? respond({ items: [], next_cursor: null }) : respond({})
      }),
    )
    renderWithCatalogue(<UploadRequestsPage />, { locale: 'en', messages: {} })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'New request' }))
    const captcha = screen.getByRole('checkbox', { name: /Require a CAPTCHA/ })
    await user.click(captcha)
    expect((captcha as HTMLInputElement).checked).toBe(true)

    await user.type(screen.getByLabelText('Only from these people'), 'bob@example.com, nobody')
    expect(screen.getByText('Not an email address: nobody')).toBeTruthy()
    expect(captcha.hasAttribute('disabled')).toBe(true)
    expect((captcha as HTMLInputElement).checked).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Create link' }))
    expect(posted).toHaveLength(0)

    await user.clear(screen.getByLabelText('Only from these people'))
    await user.type(screen.getByLabelText('Only from these people'), 'Bob@Example.com; carol@example.com')
    await user.click(screen.getByRole('button', { name: 'Create link' }))

    expect(await screen.findByText('Upload request ready')).toBeTruthy()
    expect(posted).toEqual([expect.objectContaining({ allowed_emails: ['Bob@Example.com', 'carol@example.com'] })])
    expect(posted[0]).not.toHaveProperty('captcha')
  })
})
