// @vitest-environment jsdom
import { screen } from '@testing-library/react'
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
