// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as compliance from '../api/compliance'
import * as download from '../lib/download'
import { renderApp } from '../test/render'
import { CompliancePage } from './CompliancePage'

vi.mock('../api/compliance', async (original) => ({
  ...(await original<typeof compliance>()),
  retentionPolicies: vi.fn(),
  saveRetentionPolicies: vi.fn(),
  retentionPreview: vi.fn(),
  runRetention: vi.fn(),
}))
vi.mock('../lib/download')

const api = vi.mocked(compliance)
const PLAN: compliance.RetentionPlan = {
  as_of: '2026-12-03T10:00:00Z',
  dry_run: true,
  categories: [
    {
      category: 'files',
      max_age_days: 30,
      cutoff: '2026-11-03T10:00:00Z',
      count: 1,
      files: [{ id: 'f1', owner_id: 'u1', path: '/old/report.pdf', size: 12, created_at: '2026-10-01T00:00:00Z' }],
    },
  ],
}

afterEach(() => vi.resetAllMocks())

describe('CompliancePage', () => {
  it('saves policies, shows what the next run removes and runs it as of that dry run', async () => {
    api.retentionPolicies.mockResolvedValue({ audit: 365 })
    api.saveRetentionPolicies.mockResolvedValue({ files: 30, audit: 365 })
    api.retentionPreview.mockResolvedValue(PLAN)
    api.runRetention.mockResolvedValue({ ...PLAN, dry_run: false })
    renderApp(<CompliancePage />)
    const user = userEvent.setup()
    const audit = (await screen.findByLabelText('Audit records: days kept')) as HTMLInputElement
    expect(audit.value).toBe('365')
    await user.type(screen.getByLabelText('Files: days kept'), '30')
    await user.click(screen.getByRole('button', { name: 'Save policies' }))
    expect(api.saveRetentionPolicies).toHaveBeenCalledWith({ files: 30, audit: 365 })

    await user.click(screen.getByRole('button', { name: 'Show what the next run removes' }))
    expect(await screen.findByText(/\/old\/report\.pdf/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Remove exactly these now' }))
    await waitFor(() => expect(api.runRetention).toHaveBeenCalledWith('2026-12-03T10:00:00Z'))
  })

  it('sets versions, trash, transfers and download logs and shows their counts in the dry run', async () => {
    api.retentionPolicies.mockResolvedValue({ transfers: 180 })
    api.saveRetentionPolicies.mockResolvedValue({ versions: 90, trash: 7, transfers: 180, download_logs: 30 })
    const counted = (category: string, count: number) => ({
      category,
      max_age_days: 30,
      cutoff: '2026-11-03T10:00:00Z',
      count,
    })
    api.retentionPreview.mockResolvedValue({
      ...PLAN,
      categories: [counted('versions', 4), counted('trash', 2), counted('download_logs', 12)],
    })
    renderApp(<CompliancePage />)
    const user = userEvent.setup()
    const transfers = (await screen.findByLabelText('Ended transfers: days kept')) as HTMLInputElement
    expect(transfers.value).toBe('180')
    await user.type(screen.getByLabelText('Older versions: days kept'), '90')
    await user.type(screen.getByLabelText('Trash: days kept'), '7')
    await user.type(screen.getByLabelText('Download logs: days kept'), '30')
    await user.click(screen.getByRole('button', { name: 'Save policies' }))
    expect(api.saveRetentionPolicies).toHaveBeenCalledWith({
      versions: 90,
      trash: 7,
      transfers: 180,
      download_logs: 30,
    })

    await user.click(screen.getByRole('button', { name: 'Show what the next run removes' }))
    expect(await screen.findByText('older versions: 4')).toBeTruthy()
    expect(screen.getByText('trash: 2')).toBeTruthy()
    expect(screen.getByText('download log entries: 12')).toBeTruthy()
  })

  it('downloads the report for the chosen period with a ticket', async () => {
    api.retentionPolicies.mockResolvedValue({})
    vi.mocked(download.downloadWithTicket).mockResolvedValue()
    renderApp(<CompliancePage />)
    const user = userEvent.setup()
    const from = (await screen.findByLabelText('From (UTC)')) as HTMLInputElement
    await user.clear(from)
    await user.type(from, '2026-11-01')
    const to = screen.getByLabelText('To (UTC, not included)') as HTMLInputElement
    await user.clear(to)
    await user.type(to, '2026-12-01')
    await user.click(screen.getByRole('button', { name: 'Download CSV' }))
    expect(download.downloadWithTicket).toHaveBeenCalledWith(
      '/api/v1/admin/reports/compliance?from=2026-11-01T00%3A00%3A00.000Z&to=2026-12-01T00%3A00%3A00.000Z&format=csv',
    )
  })
})
