// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { fakeServer, respond, TOKENS } from '../auth/testServer'
import { renderApp } from '../test/render'
import { daysLeft, TrashPage } from './TrashPage'

const DAY = 86_400_000
const trashed = (id: string, name: string, days: number) => ({
  id,
  name,
  folder: '/reports',
  path: `/reports/${name}`,
  size: 2048,
  trashed_at: new Date(Date.now() - DAY).toISOString(),
  purge_at: new Date(Date.now() + days * DAY + 3_600_000).toISOString(),
})

function serve() {
  return fakeServer({
    '/api/v1/trash?limit=100': respond(200, {
      items: [trashed('t1', 'q3.pdf', 3), trashed('t2', 'draft.txt', 1)],
      next_cursor: null,
    }),
    '/api/v1/trash/t1/restore': respond(200, { id: 't1', name: 'q3.pdf', folder: '/reports', path: '/reports/q3.pdf' }),
    '/api/v1/trash/t2': new Response(null, { status: 204 }),
    '/api/v1/trash': respond(200, { purged: 2 }),
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('TrashPage', () => {
  it('counts whole days left until the purge', () => {
    const now = Date.parse('2026-12-04T08:00:00Z')
    expect(daysLeft('2026-12-07T09:00:00Z', now)).toBe(3)
    expect(daysLeft('2026-12-04T20:00:00Z', now)).toBe(0)
    expect(daysLeft('2026-12-01T00:00:00Z', now)).toBe(0)
  })

  it('lists deleted files with their days left and restores one', async () => {
    const calls = serve()
    api.acceptTokens(TOKENS)
    renderApp(<TrashPage />, '/trash')
    const list = await screen.findByRole('list', { name: 'Deleted files' })
    expect(within(list).getByText(/3 days left/)).toBeTruthy()
    expect(within(list).getByText(/1 day left/)).toBeTruthy()

    await userEvent.click(screen.getByRole('button', { name: 'Restore q3.pdf' }))
    expect(await screen.findByText('Restored q3.pdf to /reports')).toBeTruthy()
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/trash/t1/restore'])
  })

  it('deletes forever and empties the trash only after confirming', async () => {
    const calls = serve()
    api.acceptTokens(TOKENS)
    renderApp(<TrashPage />, '/trash')
    await userEvent.click(await screen.findByRole('button', { name: 'Delete draft.txt forever' }))
    expect(calls).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Delete forever' }))
    expect(await screen.findByText('Deleted draft.txt forever')).toBeTruthy()

    await userEvent.click(screen.getByRole('button', { name: 'Empty trash' }))
    const dialog = screen.getByRole('dialog', { name: 'Empty the trash?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Empty trash' }))
    expect(await screen.findByText('Deleted 2 files forever')).toBeTruthy()
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/trash/t2', '/api/v1/trash'])
  })
})
