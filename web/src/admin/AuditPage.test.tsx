// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as admin from '../api/admin'
import type { AuditEntry } from '../api/types'
import german from '../i18n/messages/de.json'
import { renderIntl } from '../test/intl'
import { AuditPage } from './AuditPage'

vi.mock('../api/admin')

const api = vi.mocked(admin)

afterEach(() => vi.resetAllMocks())

const entry = (id: number, action: string): AuditEntry => ({
  id: String(id),
  seq: id,
  time: '2026-12-01T10:00:00Z',
  action,
  outcome: 'success',
  actor: { type: 'user', id: 'u-1', label: 'ada@example.com' },
  object: {},
})

describe('AuditPage', () => {
  it('names actions in the UI’s language and keeps the raw action as code and tooltip', async () => {
    api.searchAudit.mockResolvedValue({
      items: [entry(1, 'auth.login'), entry(2, 'share.download_completed'), entry(3, 'keys.rotate')],
    })
    api.verifyAudit.mockResolvedValue({ valid: true, checked: 3 })
    const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    renderIntl(
      <QueryClientProvider client={queries}>
        <AuditPage />
      </QueryClientProvider>,
      { locale: 'de', messages: german },
    )

    const signIn = await screen.findByText('Angemeldet')
    expect(signIn.getAttribute('title')).toBe('auth.login')
    expect(screen.getByText('auth.login').tagName).toBe('CODE')
    expect(screen.getByText('Freigegebener Download abgeschlossen').getAttribute('title')).toBe(
      'share.download_completed',
    )
    expect(screen.getByText('keys.rotate').getAttribute('title')).toBe('keys.rotate')
  })
})
