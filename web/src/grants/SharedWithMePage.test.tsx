// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client'
import * as grants from '../api/grants'
import type { SharedItem } from '../api/grants'
import { renderApp } from '../test/render'
import { renderWithCatalogue } from '../test/renderWithCatalogue'
import { matches, SharedWithMePage } from './SharedWithMePage'

vi.mock('../api/grants', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/grants')>()),
  sharedWithMe: vi.fn(),
  downloadShared: vi.fn(),
}))

const api = vi.mocked(grants)
const FILE: SharedItem = {
  grant_id: 'g1',
  type: 'file',
  id: 'f1',
  name: 'budget.xlsx',
  size: 2048,
  content_type: 'application/vnd.ms-excel',
  permission: 'download',
  owner_name: 'Ada',
  granted_at: '2026-11-20T10:00:00Z',
  expires_at: null,
  files: null,
}
const SEEN: SharedItem = {
  ...FILE,
  grant_id: 'g2',
  id: 'f2',
  name: 'minutes.txt',
  permission: 'view',
  owner_name: 'Grace',
}
const TRANSFER: SharedItem = {
  ...FILE,
  grant_id: 'g3',
  type: 'transfer',
  id: 't1',
  name: 'Q3 numbers',
  content_type: null,
  size: 3000,
  expires_at: '2026-12-01T00:00:00Z',
  files: [{ id: 'f3', name: 'q3.pdf', size: 3000, content_type: 'application/pdf' }],
}

afterEach(() => vi.resetAllMocks())

describe('SharedWithMePage', () => {
  it('speaks the catalogue of the locale, with its plurals, and falls back to English for missing ids', async () => {
    api.sharedWithMe.mockResolvedValue([TRANSFER])
    renderWithCatalogue(<SharedWithMePage />, {
      locale: 'de',
      messages: {
        'grants.shared.title': 'Mit mir geteilt',
        'grants.shared.summary':
          '{type, select, transfer {{count, plural, one {# Datei} other {# Dateien}}, } other {}}{size} · {from} · {when}{until, select, none {} other { · bis {until}}}',
        'grants.shared.from': 'von {name}',
      },
    })
    const row = (await screen.findByText('Q3 numbers')).closest('li')!
    expect(screen.getByRole('heading', { name: 'Mit mir geteilt' })).toBeTruthy()
    expect(row.textContent).toContain('1 Datei, 3 kB · von Ada')
    expect(row.textContent).toContain(' · bis ')
    // Not in the German test catalogue: the English text stands in.
    expect(within(row).getByRole('button', { name: 'Show files of Q3 numbers' })).toBeTruthy()
  })

  it('explains what appears here when nothing is shared', async () => {
    api.sharedWithMe.mockResolvedValue([])
    renderApp(<SharedWithMePage />)
    expect(await screen.findByRole('heading', { name: 'Nothing shared with you yet' })).toBeTruthy()
    expect(screen.queryByLabelText('Search')).toBeNull()
  })

  it('lists who shared what and downloads through the shared download helper', async () => {
    api.sharedWithMe.mockResolvedValue([FILE, SEEN])
    api.downloadShared.mockResolvedValue()
    renderApp(<SharedWithMePage />)
    const row = (await screen.findByText('budget.xlsx')).closest('li')!
    expect(row.textContent).toContain('from Ada')
    expect(row.textContent).toContain('2 kB')
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Download budget.xlsx' }))
    expect(api.downloadShared).toHaveBeenCalledWith(FILE)
    const viewOnly = screen.getByText('minutes.txt').closest('li')!
    expect(within(viewOnly).queryByRole('button', { name: /Download/ })).toBeNull()
  })

  it('opens a transfer to download its files one by one', async () => {
    api.sharedWithMe.mockResolvedValue([TRANSFER])
    api.downloadShared.mockResolvedValue()
    renderApp(<SharedWithMePage />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Show files of Q3 numbers' }))
    await user.click(screen.getByRole('button', { name: 'Download q3.pdf' }))
    expect(api.downloadShared).toHaveBeenCalledWith(TRANSFER.files![0])
  })

  it('filters by text and kind, and clears the filter', async () => {
    api.sharedWithMe.mockResolvedValue([FILE, SEEN, TRANSFER])
    renderApp(<SharedWithMePage />)
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Search'), 'grace')
    expect(screen.getByText('minutes.txt')).toBeTruthy()
    expect(screen.queryByText('budget.xlsx')).toBeNull()
    await user.selectOptions(screen.getByLabelText('Show'), 'transfer')
    expect(screen.getByRole('heading', { name: 'No matches' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(screen.getAllByRole('listitem')).toHaveLength(3)
  })

  it('shows the error with a retry', async () => {
    api.sharedWithMe
      .mockRejectedValueOnce(new ApiError(500, { status: 500, title: 'The server had a problem.' }))
      .mockResolvedValue([FILE])
    renderApp(<SharedWithMePage />)
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('budget.xlsx')).toBeTruthy()
  })
})

describe('matches', () => {
  it('looks into names, senders and the files of transfers', () => {
    expect(matches(TRANSFER, 'Q3.PDF', '')).toBe(true)
    expect(matches(FILE, 'ada', '')).toBe(true)
    expect(matches(FILE, 'ada', 'transfer')).toBe(false)
    expect(matches(FILE, '  ', 'file')).toBe(true)
  })
})
