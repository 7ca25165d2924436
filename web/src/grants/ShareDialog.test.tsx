// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client'
import * as grants from '../api/grants'
import type { Grant } from '../api/grants'
import { renderApp } from '../test/render'
import { ShareDialog } from './ShareDialog'

vi.mock('../api/grants', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../api/grants')>()),
  listGrants: vi.fn(),
  grant: vi.fn(),
  revokeGrant: vi.fn(),
  groupDirectory: vi.fn(),
}))

const api = vi.mocked(grants)
const longEmail = `${'someone.with.a.very.long.name.'.repeat(4)}@example.com`
const BOB: Grant = {
  id: 'g1',
  object_type: 'file',
  object_id: 'f1',
  grantee_type: 'user',
  grantee_id: 'u2',
  grantee_name: longEmail,
  permission: 'download',
  created_at: '2026-11-20T10:00:00Z',
}
const TEAM: Grant = {
  ...BOB,
  id: 'g2',
  grantee_type: 'group',
  grantee_id: 'grp1',
  grantee_name: 'Finance',
  permission: 'view',
}
const target = { type: 'file' as const, id: 'f1', name: 'report.pdf' }

afterEach(() => vi.resetAllMocks())

describe('ShareDialog', () => {
  it('lists who has access, truncating long names', async () => {
    api.listGrants.mockResolvedValue([BOB, TEAM])
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    const name = await screen.findByText(longEmail)
    expect(name.className).toContain('truncate')
    expect(screen.getByText('Finance')).toBeTruthy()
    expect((screen.getByLabelText(`Permission for ${longEmail}`) as HTMLSelectElement).value).toBe('download')
    expect((screen.getByLabelText('Permission for Finance') as HTMLSelectElement).value).toBe('view')
    expect(api.listGrants).toHaveBeenCalledWith('file', 'f1')
  })

  it('says when only the owner has access', async () => {
    api.listGrants.mockResolvedValue([])
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    expect(await screen.findByText(/Only you, so far/)).toBeTruthy()
  })

  it('shares with a person by email and the chosen permission', async () => {
    api.listGrants.mockResolvedValue([])
    api.grant.mockResolvedValue({ ...BOB, grantee_name: 'bob@example.com', permission: 'edit' })
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Email address'), ' bob@example.com ')
    await user.selectOptions(screen.getByLabelText('Permission'), 'edit')
    await user.click(screen.getByRole('button', { name: 'Share' }))
    expect(api.grant).toHaveBeenCalledWith('file', 'f1', { email: 'bob@example.com' }, 'edit')
    await waitFor(() => expect(api.listGrants).toHaveBeenCalledTimes(2))
    expect((screen.getByLabelText('Email address') as HTMLInputElement).value).toBe('')
  })

  it('explains an unknown address instead of the server id message', async () => {
    api.listGrants.mockResolvedValue([])
    api.grant.mockRejectedValue(new ApiError(404, { status: 404, detail: 'There is no user with this id.' }))
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Email address'), 'ghost@example.com{Enter}')
    expect((await screen.findByRole('alert')).textContent).toBe('No active account uses this email address.')
  })

  it('shares a transfer with a group picked by name', async () => {
    api.listGrants.mockResolvedValue([])
    api.groupDirectory.mockResolvedValue([
      { id: 'grp1', name: 'Finance' },
      { id: 'grp2', name: 'Legal' },
    ])
    api.grant.mockResolvedValue(TEAM)
    renderApp(<ShareDialog target={{ type: 'transfer', id: 't1', name: 'Q3' }} onClose={() => {}} />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('radio', { name: 'A group' }))
    await user.selectOptions(await screen.findByLabelText('Group'), 'grp2')
    await user.click(screen.getByRole('button', { name: 'Share' }))
    expect(api.grant).toHaveBeenCalledWith('transfer', 't1', { group_id: 'grp2' }, 'download')
    expect(screen.getByText(/Access ends when the transfer does/)).toBeTruthy()
  })

  it('says when there are no groups to pick', async () => {
    api.listGrants.mockResolvedValue([])
    api.groupDirectory.mockResolvedValue([])
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    await userEvent.setup().click(await screen.findByRole('radio', { name: 'A group' }))
    expect(await screen.findByText(/No groups yet/)).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Share' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('changes a permission by granting the same grantee again', async () => {
    api.listGrants.mockResolvedValue([TEAM])
    api.grant.mockResolvedValue({ ...TEAM, permission: 'download' })
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    await userEvent.setup().selectOptions(await screen.findByLabelText('Permission for Finance'), 'download')
    expect(api.grant).toHaveBeenCalledWith('file', 'f1', { group_id: 'grp1' }, 'download')
  })

  it('revokes only after confirmation', async () => {
    api.listGrants.mockResolvedValue([TEAM])
    api.revokeGrant.mockResolvedValue(undefined)
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Remove access for Finance' }))
    expect(api.revokeGrant).not.toHaveBeenCalled()
    const confirm = screen.getByRole('dialog', { name: 'Remove access?' })
    expect(confirm.textContent).toContain('Finance no longer sees “report.pdf”')
    await user.click(within(confirm).getByRole('button', { name: 'Remove access' }))
    expect(api.revokeGrant).toHaveBeenCalledWith('file', 'f1', 'g2')
  })

  it('offers a retry when the list cannot load', async () => {
    api.listGrants
      .mockRejectedValueOnce(new ApiError(500, { status: 500, title: 'The server had a problem.' }))
      .mockResolvedValue([])
    renderApp(<ShareDialog target={target} onClose={() => {}} />)
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/Only you, so far/)).toBeTruthy()
  })
})
