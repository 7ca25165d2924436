// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api } from '../api/client'
import { renderApp } from '../test/render'
import { FilesPage } from './FilesPage'

function respond(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } })
}

const FILE = {
  id: 'f1',
  name: 'notes.txt',
  folder: '/',
  size: 5,
  content_type: 'text/plain',
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
  tags: [],
}

/** The server's folders: what a listing's first page names and what POST /api/v1/folders creates. */
function server(folders: string[], create: (path: string) => Response) {
  const listed: string[] = []
  const created: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/folders')) {
        const path = (JSON.parse(init?.body as string) as { path: string }).path
        created.push(path)
        return create(path)
      }
      if (url.startsWith('/api/v1/files?')) {
        const path = new URLSearchParams(url.split('?')[1]).get('path') ?? '/'
        listed.push(path)
        return respond({
          items: path === '/' ? [FILE] : [],
          next_cursor: null,
          folders: folders.filter((f) => f.startsWith(path === '/' ? '/' : `${path}/`) && f !== path),
        })
      }
      return respond(url.startsWith('/api/v1/upload-policy') ? { rules: [] } : { items: [] })
    }),
  )
  return { listed, created }
}

/** A 409 problem as the server words it. */
function conflict(slug: string, title: string, detail: string): Response {
  return respond({ type: `/problems/${slug}`, title, status: 409, detail }, 409, 'application/problem+json')
}

/** Opens the root folder, then names a new folder in the dialog and submits it. */
async function newFolder(name: string) {
  renderApp(<FilesPage />, '/files?path=/')
  const user = userEvent.setup()
  await screen.findByText('notes.txt')
  await user.click(screen.getAllByRole('button', { name: 'New folder' })[0]!)
  await user.type(within(screen.getByRole('dialog')).getByLabelText('Folder name'), name)
  await user.click(screen.getByRole('button', { name: 'Create and open' }))
}

afterEach(() => {
  vi.unstubAllGlobals()
  api.forget()
})

describe('folders in the file manager', () => {
  it('shows the folders the server names, empty ones too', async () => {
    server(['/Empty', '/docs'], () => respond({}))
    renderApp(<FilesPage />, '/files?path=/')

    expect(await screen.findByText('notes.txt')).toBeTruthy()
    expect(screen.getByRole('button', { name: /^Empty/ })).toBeTruthy()
    expect(screen.getByRole('button', { name: /^docs/ })).toBeTruthy()
  })

  it('creates a new folder on the server and opens it', async () => {
    const folders = ['/docs']
    const calls = server(folders, (path) => {
      folders.push(path)
      return respond({ path, created_at: '2026-12-06T00:00:00Z' }, 201)
    })
    await newFolder('Plans')

    await vi.waitFor(() => expect(calls.listed).toContain('/Plans'))
    expect(calls.created).toEqual(['/Plans'])
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens a folder that exists already instead of failing', async () => {
    const calls = server(['/docs'], () =>
      conflict('folder-exists', 'Folder exists', 'The folder /docs exists already.'),
    )
    await newFolder('docs')

    await vi.waitFor(() => expect(calls.listed).toContain('/docs'))
    expect(calls.created).toEqual(['/docs'])
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('keeps the dialog open with the reason when a file has the path', async () => {
    const calls = server([], (path) =>
      conflict('path-taken', 'Path already in use', `Another file already has the path ${path}.`),
    )
    await newFolder('notes.txt')

    expect((await within(screen.getByRole('dialog')).findByRole('alert')).textContent).toBe(
      'Another file already has the path /notes.txt.',
    )
    expect(calls.listed).not.toContain('/notes.txt')
  })
})
