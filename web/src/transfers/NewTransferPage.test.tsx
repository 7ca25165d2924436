// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { fakeServer, respond } from '../auth/testServer'
import { renderApp } from '../test/render'
import { NewTransferPage } from './NewTransferPage'

const CREATED = {
  id: 't1',
  title: 'Quarterly',
  message: null,
  status: 'active',
  expires_at: '2099-01-01T00:00:00Z',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  files: [{ id: 'f1', name: 'q3.pdf', size: 10 }],
  total_size: 10,
  recipients: ['bob@example.com'],
  mail: 'sent',
  link: { id: 'l1', url: 'https://ferry.test/s/abc', password_required: true, max_downloads: 3 },
}

describe('NewTransferPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    api.forget()
  })

  it('emails a new link protected like the first one', async () => {
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    const calls = fakeServer({
      '/api/v1/transfers': respond(201, CREATED),
      '/api/v1/transfers/t1/notify': respond(200, { link: CREATED.link, recipients: 1, mail: 'sent' }),
    })
    renderApp(<NewTransferPage />, { pathname: '/transfers/new', state: { fileIds: ['f1'] } })
    const user = userEvent.setup()

    await user.type(await screen.findByLabelText('Recipients'), 'bob@example.com')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Download limit'), '3')
    await user.click(screen.getByRole('button', { name: 'Create transfer' }))
    await user.click(await screen.findByRole('button', { name: 'Email a new link to 1 recipient' }))

    await screen.findByText('Emailed a link to 1 recipient')
    const notify = calls.find((call) => call.url === '/api/v1/transfers/t1/notify')
    expect(notify?.body).toMatchObject({
      password: 'correct horse battery',
      max_downloads: 3,
      require_email_verification: false,
    })
  })

  /** The form on a server whose links get a CAPTCHA by default; answers the box once it shows that. */
  async function formWithCaptchaDefault() {
    api.acceptTokens({ access_token: 'jwt', token_type: 'Bearer', expires_in: 900 })
    const calls = fakeServer({
      '/api/v1/link-defaults': respond(200, { captcha: true, max_days: 30 }),
      '/api/v1/transfers': respond(201, CREATED),
    })
    renderApp(<NewTransferPage />, { pathname: '/transfers/new', state: { fileIds: ['f1'] } })
    const captcha = (await screen.findByRole('checkbox', { name: /Require a CAPTCHA/ })) as HTMLInputElement
    await vi.waitFor(() => expect(captcha.checked).toBe(true))
    const created = async () => {
      await vi.waitFor(() => expect(calls.find((call) => call.url === '/api/v1/transfers')).toBeDefined())
      return calls.find((call) => call.url === '/api/v1/transfers')?.body as { link: object }
    }
    return { captcha, created }
  }

  it("shows the server's CAPTCHA default and sends an untick as captcha false", async () => {
    const { captcha, created } = await formWithCaptchaDefault()
    const user = userEvent.setup()

    await user.click(captcha)
    expect(captcha.checked).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Create transfer' }))

    expect((await created()).link).toMatchObject({ captcha: false })
  })

  it('leaves the CAPTCHA to the server when the creator does not touch it', async () => {
    const { created } = await formWithCaptchaDefault()

    await userEvent.setup().click(screen.getByRole('button', { name: 'Create transfer' }))

    expect((await created()).link).not.toHaveProperty('captcha')
  })
})
