// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as scim from '../api/scim'
import { renderApp } from '../test/render'
import { ScimStatusSection } from './ScimStatusSection'

vi.mock('../api/scim')

const api = vi.mocked(scim)

afterEach(() => vi.resetAllMocks())

describe('ScimStatusSection', () => {
  it('says when no provider has called yet', async () => {
    api.getScimStatus.mockResolvedValue({ provisioned_users: 0, provisioned_groups: 0, deprovision: 'suspend' })
    renderApp(<ScimStatusSection />)
    expect(await screen.findByText('No provider has called yet')).toBeTruthy()
    expect(screen.getByText(/0 provisioned users · 0 provisioned groups · deleting a user suspends/)).toBeTruthy()
  })

  it('shows the last request and a newer error', async () => {
    api.getScimStatus.mockResolvedValue({
      last_request_at: '2026-12-01T10:00:00Z',
      last_error_at: '2026-12-01T10:05:00Z',
      last_error: '409 POST /scim/v2/Users: A user with userName a@example.com is provisioned already.',
      provisioned_users: 12,
      provisioned_groups: 3,
      deprovision: 'delete',
    })
    renderApp(<ScimStatusSection />)
    expect(await screen.findByText('Last request failed')).toBeTruthy()
    expect(screen.getByText(/12 provisioned users · 3 provisioned groups · deleting a user deletes/)).toBeTruthy()
    expect(screen.getByText(/409 POST \/scim\/v2\/Users/)).toBeTruthy()
  })
})
