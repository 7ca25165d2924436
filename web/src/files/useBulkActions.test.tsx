// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { fakeServer, respond, TOKENS } from '../auth/testServer'
import { renderApp } from '../test/render'
import { BulkProgress } from './BulkProgress'
import { useBulkActions } from './useBulkActions'

const job = (status: string, done: number, extra: object = {}) => ({
  id: 'j1',
  operation: 'move',
  status,
  total: 300,
  done,
  skipped: 0,
  failed: 0,
  ...extra,
})

function Harness({ onDone }: { onDone: () => void }) {
  const bulk = useBulkActions(onDone)
  return (
    <>
      {bulk.job && <BulkProgress job={bulk.job} />}
      <button onClick={() => void bulk.move(['a', 'b'], '/archive')}>move</button>
      <button onClick={() => void bulk.tag(['a'], 'invoices')}>tag</button>
      <button onClick={() => void bulk.remove(['a', 'b'])}>delete</button>
    </>
  )
}

/** The harness on a page the user can leave while a job runs; the toasts outlive it. */
function LeavablePage({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(true)
  return (
    <>
      {open && <Harness onDone={onDone} />}
      <button onClick={() => setOpen(false)}>leave</button>
    </>
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('useBulkActions', () => {
  it('follows a running job to the end, showing its progress', async () => {
    const polls = [job('running', 150), job('done', 298, { skipped: 2 })]
    const calls = fakeServer({
      '/api/v1/files/bulk': new Response(JSON.stringify(job('running', 0)), {
        status: 202,
        headers: { 'Content-Type': 'application/json', Location: '/api/v1/files/bulk/j1' },
      }),
      '/api/v1/files/bulk/j1': () => respond(200, polls.shift() ?? job('done', 298, { skipped: 2 })),
    })
    api.acceptTokens(TOKENS)
    const onDone = vi.fn()
    renderApp(<Harness onDone={onDone} />)

    await userEvent.click(screen.getByRole('button', { name: 'move' }))
    expect(calls[0]).toEqual({
      url: '/api/v1/files/bulk',
      body: { operation: 'move', folder: '/archive', ids: ['a', 'b'] },
    })
    expect(await screen.findByRole('progressbar', { name: 'Moving 0 of 300 files' })).toBeTruthy()
    expect(await screen.findByRole('progressbar', { name: 'Moving 150 of 300 files' }, { timeout: 3000 })).toBeTruthy()
    expect(await screen.findByText('Moved 298 files', {}, { timeout: 3000 })).toBeTruthy()
    expect(screen.getByText('2 skipped, 0 failed')).toBeTruthy()
    expect(screen.queryByRole('progressbar')).toBeNull()
    expect(onDone).toHaveBeenCalledOnce()
  })

  it('announces a small set the server finished at once', async () => {
    const calls = fakeServer({
      '/api/v1/files/bulk': (body) =>
        respond(200, job('done', 1, { operation: (body as { operation: string }).operation, total: 1 })),
    })
    api.acceptTokens(TOKENS)
    renderApp(<Harness onDone={() => {}} />)
    await userEvent.click(screen.getByRole('button', { name: 'tag' }))
    expect(await screen.findByText('Tagged 1 file')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'delete' }))
    expect(await screen.findByText('Moved 1 file to the trash')).toBeTruthy()
    expect(calls.map((c) => c.body)).toEqual([
      { operation: 'tag', tags: ['invoices'], ids: ['a'] },
      { operation: 'delete', ids: ['a', 'b'] },
    ])
  })

  it('announces no partial count when the page is left while the job runs', async () => {
    fakeServer({
      '/api/v1/files/bulk': new Response(JSON.stringify(job('running', 0)), {
        status: 202,
        headers: { 'Content-Type': 'application/json', Location: '/api/v1/files/bulk/j1' },
      }),
      '/api/v1/files/bulk/j1': () => respond(200, job('running', 150)),
    })
    api.acceptTokens(TOKENS)
    const onDone = vi.fn()
    renderApp(<LeavablePage onDone={onDone} />)

    await userEvent.click(screen.getByRole('button', { name: 'move' }))
    expect(await screen.findByRole('progressbar', { name: 'Moving 0 of 300 files' })).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'leave' }))

    await vi.waitFor(() => expect(onDone).toHaveBeenCalled(), { timeout: 3000 })
    expect(screen.queryByText(/Moved \d+ files/)).toBeNull()
  })
})
