// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { renderIntl as render } from '../test/intl'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { FileItem } from '../api/types'
import { FileTable } from './FileTable'

const longName = `${'quarterly-report-final-v2-'.repeat(8)}.pdf`
const files: FileItem[] = [
  {
    id: '1',
    name: longName,
    folder: '/',
    path: `/${longName}`,
    content_type: 'application/pdf',
    size: 2_000_000,
    created_at: '2026-11-20T10:00:00Z',
    modified_at: '2026-11-20T10:00:00Z',
  },
  {
    id: '2',
    name: 'photo.jpg',
    folder: '/',
    path: '/photo.jpg',
    content_type: 'image/jpeg',
    size: 500,
    created_at: '2026-11-21T10:00:00Z',
    modified_at: '2026-11-21T10:00:00Z',
  },
]

function setup(selected = new Set<string>(), list: FileItem[] = files) {
  const handlers = {
    onToggle: vi.fn(),
    onToggleAll: vi.fn(),
    onSort: vi.fn(),
    onOpenFolder: vi.fn(),
    onDownload: vi.fn(),
    onRename: vi.fn(),
    onShare: vi.fn(),
    onDelete: vi.fn(),
    onVersions: vi.fn(),
    onTag: vi.fn(),
  }
  render(
    <FileTable
      folders={['/docs']}
      files={list}
      showFolderColumn={false}
      selected={selected}
      sort="name"
      order="asc"
      tagsOf={(id) => (id === '2' ? ['holiday', 'family'] : [])}
      {...handlers}
    />,
  )
  return handlers
}

describe('FileTable', () => {
  it('truncates long names but keeps the full name in the title', () => {
    setup()
    const name = screen.getByText(longName)
    expect(name.className).toContain('truncate')
    expect(name.getAttribute('title')).toBe(longName)
  })

  it('labels every control with the file it acts on', async () => {
    const handlers = setup()
    await userEvent.click(screen.getByRole('button', { name: 'Download photo.jpg' }))
    await userEvent.click(screen.getByRole('button', { name: 'Share photo.jpg with people' }))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select photo.jpg' }))
    await userEvent.click(screen.getByRole('button', { name: 'docs' }))
    expect(handlers.onDownload).toHaveBeenCalledWith(files[1])
    expect(handlers.onShare).toHaveBeenCalledWith(files[1])
    expect(handlers.onToggle).toHaveBeenCalledWith('2')
    expect(handlers.onOpenFolder).toHaveBeenCalledWith('/docs')
  })

  it('marks the sorted column and sorts by another on click', async () => {
    const handlers = setup()
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending')
    await userEvent.click(screen.getByRole('button', { name: /Size/ }))
    expect(handlers.onSort).toHaveBeenCalledWith('size')
  })

  it('shows a half-checked select-all box when some files are selected', () => {
    setup(new Set(['1']))
    const all = screen.getByRole('checkbox', { name: 'Select all files' }) as HTMLInputElement
    expect(all.indeterminate).toBe(true)
  })

  it('shows the scan and keeps a quarantined file from being downloaded or shared', async () => {
    const infected = {
      ...files[1]!,
      id: '3',
      name: 'invoice.exe',
      scan_status: 'infected',
      scan_signature: 'Eicar-Test',
    }
    const pending = { ...files[1]!, id: '4', name: 'new.txt', scan_status: 'pending' }
    const handlers = setup(new Set(), [infected, pending])
    expect(screen.getByText('Infected: Eicar-Test')).toBeTruthy()
    expect(screen.getByText('Scanning')).toBeTruthy()
    const blocked = screen.getAllByRole('button', { name: 'invoice.exe is quarantined' }) as HTMLButtonElement[]
    expect(blocked).toHaveLength(2)
    expect(blocked.every((button) => button.disabled)).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: 'Download new.txt' }))
    expect(handlers.onDownload).toHaveBeenCalledWith(pending)
    expect(handlers.onDownload).toHaveBeenCalledTimes(1)
  })

  it('flags files with personal data, naming the kinds found', () => {
    const flagged = { ...files[1]!, id: '5', name: 'customers.csv', pii_flags: ['email', 'iban', 'passport'] }
    setup(new Set(), [flagged, files[0]!])
    expect(screen.getAllByText('Personal data')).toHaveLength(1)
    const explained = screen.getByText(/^Contains /)
    expect(explained.textContent).toBe(
      'Contains email addresses, IBANs, and passport. Public links to it may be blocked by policy; share it with named users instead.',
    )
    expect(explained.parentElement?.title).toBe(explained.textContent)
  })

  it("shows a file's tags, filters by one on click and opens its versions", async () => {
    const handlers = setup()
    await userEvent.click(screen.getByRole('button', { name: 'Show files tagged holiday' }))
    expect(screen.getByText('family')).toBeTruthy()
    expect(handlers.onTag).toHaveBeenCalledWith('holiday')
    await userEvent.click(screen.getByRole('button', { name: 'Versions of photo.jpg' }))
    expect(handlers.onVersions).toHaveBeenCalledWith(files[1])
  })
})
