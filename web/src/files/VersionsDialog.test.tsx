// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import type { FileItem } from '../api/types'
import { fakeServer, respond, TOKENS } from '../auth/testServer'
import { renderApp } from '../test/render'
import { VersionsDialog } from './VersionsDialog'

const FILE: FileItem = {
  id: 'f1',
  name: 'report.pdf',
  folder: '/',
  path: '/report.pdf',
  size: 2000,
  created_at: '2026-12-01T10:00:00Z',
  modified_at: '2026-12-03T10:00:00Z',
}
const v = (version: number, current: boolean, size: number) => ({
  version,
  current,
  size,
  created_at: `2026-12-0${version}T10:00:00Z`,
})

/** Like the page: closing the dialog forgets the file. */
function Page() {
  const [file, setFile] = useState<FileItem | null>(FILE)
  return <VersionsDialog file={file} onClose={() => setFile(null)} />
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  api.forget()
})

describe('VersionsDialog', () => {
  it('lists versions, refreshes, downloads one and restores one after confirming', async () => {
    let listings = 0
    const calls = fakeServer({
      '/api/v1/files/f1/versions': () => {
        listings++
        return respond(200, {
          items:
            listings === 1
              ? [
                  { ...v(2, true, 2000), uploaded_by: { id: 'u1', name: 'Fay Files', email: 'fay@ferry.test' } },
                  { ...v(1, false, 1000), uploaded_by: { id: 'u2', email: 'sam@ferry.test' } },
                  { ...v(1, false, 10), version: 0 },
                ]
              : [v(3, true, 1000), v(2, false, 2000), v(1, false, 1000)],
        })
      },
      '/api/v1/download-tickets': respond(200, {
        url: '/api/v1/files/f1/versions/1/download?ticket=fdt_x',
        expires_at: '2099-01-01T00:00:00Z',
      }),
      '/api/v1/files/f1/versions/1/restore': respond(200, FILE),
    })
    api.acceptTokens(TOKENS)
    // As in a browser, closing a dialog (by code too) fires its close event.
    vi.spyOn(HTMLDialogElement.prototype, 'close').mockImplementation(function (this: HTMLDialogElement) {
      this.removeAttribute('open')
      this.dispatchEvent(new Event('close'))
    })
    renderApp(<Page />)

    const list = await screen.findByRole('list', { name: 'Versions' })
    expect(within(list).getByText('Version 2')).toBeTruthy()
    expect(within(list).getByText('Current')).toBeTruthy()
    expect(within(list).getByText(/1 kB · uploaded/)).toBeTruthy()
    expect(within(list).getByText('by Fay Files')).toBeTruthy()
    expect(within(list).getByText('by sam@ferry.test')).toBeTruthy()
    expect(within(list).getByText('uploader unknown')).toBeTruthy()
    expect(within(list).getAllByRole('button', { name: 'Restore' })).toHaveLength(2)

    await userEvent.click(screen.getByRole('button', { name: 'Download version 1' }))
    expect(calls[0]).toEqual({
      url: '/api/v1/download-tickets',
      body: { path: '/api/v1/files/f1/versions/1/download' },
    })

    await userEvent.click(within(list).getAllByRole('button', { name: 'Restore' })[0]!)
    expect(calls).toHaveLength(1)
    const confirm = screen.getByRole('dialog', { name: 'Restore version 1?' })
    await userEvent.click(within(confirm).getByRole('button', { name: 'Restore version' }))
    expect(await screen.findByText('Restored version 1 of report.pdf')).toBeTruthy()
    expect(calls[1]?.url).toBe('/api/v1/files/f1/versions/1/restore')
    expect(await screen.findByText('Version 3')).toBeTruthy()

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }))
    expect(listings).toBeGreaterThanOrEqual(3)
  })

  it('shows a problem the server answers', async () => {
    fakeServer({ '/api/v1/files/f1/versions': respond(404, { title: 'Not found', detail: 'No such file.' }) })
    api.acceptTokens(TOKENS)
    renderApp(<VersionsDialog file={FILE} onClose={() => {}} />)
    expect(await screen.findByText('Could not load the versions')).toBeTruthy()
  })
})
