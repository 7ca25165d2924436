// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client'
import * as groups from '../api/groups'
import type { Group } from '../api/groups'
import { renderApp } from '../test/render'
import { GroupsPage } from './GroupsPage'

vi.mock('../api/groups')

const api = vi.mocked(groups)
const FINANCE: Group = {
  id: 'g1',
  name: 'Finance',
  created_at: '2026-11-20T10:00:00Z',
  members: [{ user_id: 'u1', email: 'bob@example.com', name: 'Bob' }],
}

afterEach(() => vi.resetAllMocks())

describe('GroupsPage', () => {
  it('invites to create the first group', async () => {
    api.listGroups.mockResolvedValue([])
    api.createGroup.mockResolvedValue({ ...FINANCE, members: [] })
    renderApp(<GroupsPage />)
    const user = userEvent.setup()
    expect(await screen.findByRole('heading', { name: 'No groups yet' })).toBeTruthy()
    await user.click(screen.getAllByRole('button', { name: 'Create group' })[0]!)
    const dialog = screen.getByRole('dialog', { name: 'Create group' })
    await user.type(within(dialog).getByLabelText('Group name'), ' Finance {Enter}')
    expect(api.createGroup).toHaveBeenCalledWith('Finance')
    await waitFor(() => expect(api.listGroups).toHaveBeenCalledTimes(2))
  })

  it('shows members and renames a group', async () => {
    api.listGroups.mockResolvedValue([FINANCE])
    api.renameGroup.mockResolvedValue({ ...FINANCE, name: 'Accounts' })
    renderApp(<GroupsPage />)
    const user = userEvent.setup()
    expect(await screen.findByText('Bob')).toBeTruthy()
    expect(screen.getByText('bob@example.com')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Rename Finance' }))
    const name = within(screen.getByRole('dialog', { name: 'Rename group' })).getByLabelText('Group name')
    expect((name as HTMLInputElement).value).toBe('Finance')
    await user.clear(name)
    await user.type(name, 'Accounts{Enter}')
    expect(api.renameGroup).toHaveBeenCalledWith('g1', 'Accounts')
  })

  it('shows a name conflict in the dialog', async () => {
    api.listGroups.mockResolvedValue([FINANCE])
    api.renameGroup.mockRejectedValue(
      new ApiError(409, { status: 409, detail: "A group named 'Legal' exists already." }),
    )
    renderApp(<GroupsPage />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Rename Finance' }))
    const dialog = screen.getByRole('dialog', { name: 'Rename group' })
    await user.clear(within(dialog).getByLabelText('Group name'))
    await user.type(within(dialog).getByLabelText('Group name'), 'Legal{Enter}')
    expect((await within(dialog).findByRole('alert')).textContent).toContain('exists already')
  })

  it('adds a member by email', async () => {
    api.listGroups.mockResolvedValue([FINANCE])
    api.addMember.mockResolvedValue(FINANCE)
    renderApp(<GroupsPage />)
    await userEvent.setup().type(await screen.findByLabelText('Add a member to Finance'), 'eve@example.com{Enter}')
    expect(api.addMember).toHaveBeenCalledWith('g1', 'eve@example.com')
  })

  it('removes a member and deletes a group only after confirmation', async () => {
    api.listGroups.mockResolvedValue([FINANCE])
    api.removeMember.mockResolvedValue(undefined)
    api.deleteGroup.mockResolvedValue(undefined)
    renderApp(<GroupsPage />)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Remove Bob from Finance' }))
    expect(api.removeMember).not.toHaveBeenCalled()
    await user.click(
      within(screen.getByRole('dialog', { name: 'Remove this member?' })).getByRole('button', { name: 'Remove' }),
    )
    expect(api.removeMember).toHaveBeenCalledWith('g1', 'u1')
    await user.click(screen.getByRole('button', { name: 'Delete Finance' }))
    const confirm = screen.getByRole('dialog', { name: 'Delete this group?' })
    expect(confirm.textContent).toContain('No file is deleted')
    await user.click(within(confirm).getByRole('button', { name: 'Delete group' }))
    expect(api.deleteGroup).toHaveBeenCalledWith('g1')
  })
})
