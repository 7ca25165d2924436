// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as oauth from '../api/oauth'
import { renderApp } from '../test/render'
import { ConsentPage } from './ConsentPage'

vi.mock('../api/oauth', async (original) => ({
  ...(await original<typeof oauth>()),
  describeConsent: vi.fn(),
  answerConsent: vi.fn(),
}))

const api = vi.mocked(oauth)
const QUERY =
  '/oauth/consent?response_type=code&client_id=app1&redirect_uri=https%3A%2F%2Fphotos.example%2Fcb&scope=read+write&state=s1&code_challenge=abc&code_challenge_method=S256'

afterEach(() => {
  vi.resetAllMocks()
  vi.unstubAllGlobals()
})

describe('ConsentPage', () => {
  it('names the app and its permissions in plain words and sends the answer on', async () => {
    api.describeConsent.mockResolvedValue({
      app_id: 'app1',
      app_name: 'Photo sync',
      scopes: ['read', 'write'],
      requested_scopes: ['read', 'write'],
      redirect_uri: 'https://photos.example/cb',
    })
    api.answerConsent.mockResolvedValue('https://photos.example/cb?code=fyac_x&state=s1')
    const assign = vi.fn()
    vi.stubGlobal('location', { ...window.location, assign })
    renderApp(<ConsentPage />, QUERY)
    const user = userEvent.setup()

    expect(await screen.findByRole('heading', { name: 'Allow Photo sync to use your Ferry account?' })).toBeTruthy()
    expect(screen.getByText(oauth.SCOPE_WORDS['read']!.defaultMessage as string)).toBeTruthy()
    expect(screen.getByText(oauth.SCOPE_WORDS['write']!.defaultMessage as string)).toBeTruthy()
    expect(screen.queryByText(oauth.SCOPE_WORDS['share']!.defaultMessage as string)).toBeNull()
    expect(screen.getByText('photos.example')).toBeTruthy()
    expect(api.describeConsent).toHaveBeenCalledWith(
      expect.objectContaining({ client_id: 'app1', scope: 'read write' }),
    )

    await user.click(screen.getByRole('button', { name: 'Allow' }))

    expect(api.answerConsent).toHaveBeenCalledWith(expect.objectContaining({ state: 's1' }), true)
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('https://photos.example/cb?code=fyac_x&state=s1'))
  })

  it('explains an invalid request instead of asking', async () => {
    api.describeConsent.mockRejectedValue(new Error('Unknown client_id: no app with this id is registered here.'))
    renderApp(<ConsentPage />, '/oauth/consent?client_id=nope')
    expect(await screen.findByRole('heading', { name: "This app's request is not valid" })).toBeTruthy()
    expect(screen.getByText(/Unknown client_id/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Allow' })).toBeNull()
  })
})
