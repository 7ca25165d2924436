// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as scim from '../api/scim'
import { renderIntl } from '../test/intl'
import { ScimStatusSection } from './ScimStatusSection'

vi.mock('../api/scim')

const api = vi.mocked(scim)

const spanish = {
  'admin.scimStatusSection.noProviderHasCalled': 'Ningún proveedor ha llamado todavía',
  'admin.scim.summary':
    '{users, plural, one {# usuario aprovisionado} other {# usuarios aprovisionados}} · {groups, plural, one {# grupo} other {# grupos}} · {deprovision, select, delete {borrar elimina la cuenta} other {borrar suspende la cuenta}}',
}

function renderInSpanish() {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  renderIntl(
    <QueryClientProvider client={queries}>
      <ScimStatusSection />
    </QueryClientProvider>,
    { locale: 'es', messages: spanish },
  )
}

afterEach(() => vi.resetAllMocks())

describe('admin pages in another language', () => {
  it('takes the badge and the pluralised summary from the catalogue', async () => {
    api.getScimStatus.mockResolvedValue({ provisioned_users: 1, provisioned_groups: 3, deprovision: 'suspend' })
    renderInSpanish()
    expect(await screen.findByText('Ningún proveedor ha llamado todavía')).toBeTruthy()
    expect(screen.getByText('1 usuario aprovisionado · 3 grupos · borrar suspende la cuenta')).toBeTruthy()
  })

  it('picks the plural form the number needs', async () => {
    api.getScimStatus.mockResolvedValue({ provisioned_users: 12, provisioned_groups: 1, deprovision: 'delete' })
    renderInSpanish()
    expect(await screen.findByText('12 usuarios aprovisionados · 1 grupo · borrar elimina la cuenta')).toBeTruthy()
  })
})
