// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as account from '../api/account'
import { AuthProvider } from '../auth/AuthProvider'
import { renderIntl } from '../test/intl'
import { ToastProvider } from '../ui/Toasts'
import { TwoFactorSection } from './SecuritySection'

const french = {
  'account.securitySection.twoFactorAuthentication': 'Authentification à deux facteurs',
  'account.securitySection.appOn': 'Application activée',
  'account.securitySection.recoveryCodesLeft':
    '{count, plural, one {# code de secours restant.} other {# codes de secours restants.}}',
}

function renderInFrench(codesLeft: number) {
  vi.spyOn(account, 'twoFactorStatus').mockResolvedValue({
    totp_enabled: true,
    recovery_codes_left: codesLeft,
    passkeys: 0,
    required: false,
  })
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  renderIntl(
    <QueryClientProvider client={queries}>
      <MemoryRouter>
        <ToastProvider>
          <AuthProvider>
            <TwoFactorSection />
          </AuthProvider>
        </ToastProvider>
      </MemoryRouter>
    </QueryClientProvider>,
    { locale: 'fr', messages: french },
  )
}

afterEach(() => vi.restoreAllMocks())

describe('account settings in another language', () => {
  it('takes the section title, a badge and the recovery-code plural from the catalogue', async () => {
    renderInFrench(3)
    expect(await screen.findByText('3 codes de secours restants.')).toBeTruthy()
    expect(screen.getByText('Authentification à deux facteurs')).toBeTruthy()
    expect(screen.getByText('Application activée')).toBeTruthy()
  })

  it('uses the singular form for one code', async () => {
    renderInFrench(1)
    expect(await screen.findByText('1 code de secours restant.')).toBeTruthy()
  })
})
