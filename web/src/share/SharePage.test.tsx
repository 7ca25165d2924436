// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { renderApp } from '../test/render'
import { renderWithCatalogue } from '../test/renderWithCatalogue'
import { SharePage } from './SharePage'

function respond(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  })
}

const LOCKED = {
  title: 'Q3 report',
  message: null,
  sender_name: 'Ada',
  files: [],
  total_size: 0,
  expires_at: '2026-12-01T00:00:00Z',
  downloads_left: 2,
  password_required: true,
  email_verification_required: false,
  unlocked: false,
  verified_email: null,
}
const OPEN = {
  ...LOCKED,
  message: 'Numbers attached.',
  unlocked: true,
  files: [{ id: 'f1', name: 'report.pdf', size: 2000, content_type: 'application/pdf' }],
  total_size: 2000,
}

// The real widget solves in a worker, which jsdom lacks (the browser tests run it): this one
// answers the challenge it was configured with as its payload.
vi.mock('./altchaWidget', () => {
  customElements.define(
    'altcha-widget',
    class extends HTMLElement {
      challenge = ''
      async configure(config: { challenge: string }) {
        this.challenge = config.challenge
      }
      async verify() {
        return { payload: btoa(this.challenge) }
      }
    },
  )
  return {}
})

const page = () => (
  <Routes>
    <Route path="/s/:token" element={<SharePage />} />
  </Routes>
)

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  api.forget()
})

describe('SharePage', () => {
  it('unlocks with the password and sends the session on the next read', async () => {
    const sessions: (string | undefined)[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>
        if (url.endsWith('/unlock')) return respond(200, { session_token: 'fss_x', expires_at: '2026-12-01T00:00:00Z' })
        sessions.push(headers['X-Share-Session'])
        return respond(200, headers['X-Share-Session'] ? OPEN : LOCKED)
      }),
    )
    renderApp(page(), '/s/tok')
    await userEvent.setup().type(await screen.findByLabelText('Password'), 'secret{Enter}')
    expect(await screen.findByText('report.pdf')).toBeTruthy()
    expect(screen.getByText('Numbers attached.')).toBeTruthy()
    expect(sessions).toEqual([undefined, 'fss_x'])
  })

  it('asks for the email code with the session the password opened', async () => {
    const codeRequests: (string | undefined)[] = []
    const needsCode = { ...LOCKED, email_verification_required: true }
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>
        if (url.endsWith('/unlock')) return respond(200, { session_token: 'fss_x', expires_at: '2026-12-01T00:00:00Z' })
        if (url.endsWith('/verify-email')) {
          codeRequests.push(headers['X-Share-Session'])
          return respond(202, { status: 'sent_if_recipient', mail: 'queued' })
        }
        return respond(200, headers['X-Share-Session'] ? { ...needsCode, unlocked: true } : needsCode)
      }),
    )
    renderApp(page(), '/s/tok')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Password'), 'secret{Enter}')
    await user.type(await screen.findByLabelText('Your email address'), 'bob@example.com')
    await user.click(screen.getByRole('button', { name: 'Send me a code' }))
    expect(await screen.findByText(/a 6-digit code is on its way/)).toBeTruthy()
    expect(codeRequests).toEqual(['fss_x'])
  })

  it('solves the CAPTCHA with the altcha widget, posts its payload and shows the files', async () => {
    const challenge = {
      algorithm: 'SHA-256',
      challenge: 'ab'.repeat(32),
      maxnumber: 3000,
      salt: 'c0ffee',
      signature: 'cd',
    }
    const posted: string[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>
        if (url.endsWith('/challenge')) return respond(200, challenge)
        if (url.endsWith('/captcha')) {
          posted.push(JSON.parse(init.body as string).payload)
          return respond(200, { session_token: 'fss_c', expires_at: '2026-12-01T00:00:00Z' })
        }
        const locked = { ...LOCKED, password_required: false, captcha_required: true }
        return respond(200, headers['X-Share-Session'] === 'fss_c' ? { ...OPEN, captcha_required: true } : locked)
      }),
    )
    renderApp(page(), '/s/tok')
    expect(await screen.findByRole('status', { name: 'Browser check' })).toBeTruthy()
    expect(await screen.findByText('report.pdf')).toBeTruthy()
    expect(JSON.parse(atob(posted[0] ?? ''))).toEqual(challenge)
  })

  it('offers a plain link on open shares so the browser streams the file to disk', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond(200, { ...OPEN, password_required: false })),
    )
    renderApp(page(), '/s/tok')
    const link = await screen.findByRole('link', { name: 'Download report.pdf' })
    expect(link.getAttribute('href')).toBe('/api/v1/share/tok/files/f1/download')
  })

  it('downloads a locked share natively through a ticket, never fetching the file itself', async () => {
    const calls: { url: string; headers: Record<string, string>; body?: string }[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>
        calls.push({ url, headers, body: init.body as string | undefined })
        if (url.endsWith('/unlock')) return respond(200, { session_token: 'fss_x', expires_at: '2026-12-01T00:00:00Z' })
        if (url.endsWith('/download-tickets'))
          return respond(201, {
            url: '/api/v1/share/tok/files/f1/download?ticket=fdt_t',
            expires_at: '2026-12-01T00:00:00Z',
          })
        return respond(200, headers['X-Share-Session'] ? OPEN : LOCKED)
      }),
    )
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.getAttribute('href') ?? '')
    })
    renderApp(page(), '/s/tok')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Password'), 'secret{Enter}')
    await user.click(await screen.findByRole('button', { name: 'Download report.pdf' }))
    await vi.waitFor(() => expect(clicked).toEqual(['/api/v1/share/tok/files/f1/download?ticket=fdt_t']))
    const ticket = calls.find((c) => c.url.endsWith('/download-tickets'))
    expect(ticket?.headers['X-Share-Session']).toBe('fss_x')
    expect(JSON.parse(ticket?.body ?? '{}')).toEqual({ file_id: 'f1' })
    expect(calls.some((c) => c.url.includes('/files/f1/download'))).toBe(false)
  })

  it('counts a started download at once and then shows what the server counted', async () => {
    let left = 2
    let infoReads = 0
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>
        if (url.endsWith('/unlock')) return respond(200, { session_token: 'fss_x', expires_at: '2026-12-01T00:00:00Z' })
        if (url.endsWith('/download-tickets'))
          return respond(201, { url: '/api/v1/share/tok/files/f1/download?ticket=fdt_t', expires_at: '2026-12-01' })
        infoReads += 1
        return respond(200, headers['X-Share-Session'] ? { ...OPEN, downloads_left: left } : LOCKED)
      }),
    )
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    renderApp(page(), '/s/tok')
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Password'), 'secret{Enter}')
    expect(await screen.findByText(/2 downloads left/)).toBeTruthy()
    const readsBefore = infoReads
    await user.click(screen.getByRole('button', { name: 'Download report.pdf' }))
    expect(await screen.findByText(/1 download left/)).toBeTruthy()
    // Another recipient took the last download meanwhile: the server's count wins.
    left = 0
    expect(await screen.findByText(/0 downloads left/, {}, { timeout: 4000 })).toBeTruthy()
    expect(infoReads).toBeGreaterThan(readsBefore)
  })

  it('shows the thumbnail of a file the link previews, fetched with the share session', async () => {
    const previews: (string | undefined)[] = []
    URL.createObjectURL = vi.fn(() => 'blob:thumb')
    URL.revokeObjectURL = vi.fn()
    const files = [
      { id: 'f1', name: 'beach.jpg', size: 2000, content_type: 'image/jpeg', preview: true },
      { id: 'f2', name: 'notes.pdf', size: 10, content_type: 'application/pdf', preview: false },
    ]
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = (init.headers ?? {}) as Record<string, string>
        if (url.endsWith('/unlock')) return respond(200, { session_token: 'fss_p', expires_at: '2026-12-01T00:00:00Z' })
        if (url.endsWith('/preview')) {
          previews.push(headers['X-Share-Session'])
          return new Response(new Blob(['png']), { status: 200, headers: { 'Content-Type': 'image/png' } })
        }
        return respond(200, headers['X-Share-Session'] ? { ...OPEN, files } : LOCKED)
      }),
    )
    renderApp(page(), '/s/tok')
    await userEvent.setup().type(await screen.findByLabelText('Password'), 'secret{Enter}')
    const thumb = await screen.findByRole('button', { name: 'Show a preview of beach.jpg' })
    expect(thumb.querySelector('img')?.getAttribute('src')).toBe('blob:thumb')
    expect(screen.queryByRole('button', { name: 'Show a preview of notes.pdf' })).toBeNull()
    expect(previews).toEqual(['fss_p'])
  })

  it('says when a link ran out of downloads', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond(410, { type: '/problems/share-exhausted', title: 'Gone', status: 410 })),
    )
    renderApp(page(), '/s/tok')
    expect(await screen.findByRole('heading', { name: 'No downloads left' })).toBeTruthy()
  })

  it('speaks the catalogue of the locale, with its plurals, and falls back to English for missing ids', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => respond(200, { ...OPEN, password_required: false, downloads_left: 1 })),
    )
    renderWithCatalogue(page(), {
      locale: 'de',
      path: '/s/tok',
      messages: {
        'share.files.downloadName': '{name} herunterladen',
        'share.files.summaryWithLimit':
          '{count, plural, one {# Datei} other {# Dateien}} · {size} · {left, plural, one {noch # Download} other {noch # Downloads}}',
        'share.page.fromSender': '{name} hat dir Dateien geschickt · verfügbar bis {until}',
      },
    })
    expect(await screen.findByRole('link', { name: 'report.pdf herunterladen' })).toBeTruthy()
    expect(screen.getByText(/^1 Datei · 2 kB · noch 1 Download$/)).toBeTruthy()
    expect(document.body.textContent).toContain('Ada hat dir Dateien geschickt · verfügbar bis')
    // Not in the German test catalogue: the English text stands in.
    expect(screen.getByRole('link', { name: 'report.pdf herunterladen' }).textContent).toBe('Download')
  })
})
