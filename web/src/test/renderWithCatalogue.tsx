import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { IntlProvider } from 'react-intl'
import { MemoryRouter } from 'react-router'
import { AuthProvider } from '../auth/AuthProvider'
import { ToastProvider } from '../ui/Toasts'

/**
 * Renders like renderApp but in a given locale with a hand-written catalogue, so a test proves
 * a component's text comes from the catalogue and that ids the catalogue lacks fall back to English.
 */
export function renderWithCatalogue(
  ui: ReactElement,
  { locale, messages, path = '/' }: { locale: string; messages: Record<string, string>; path?: string },
) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    // A missing translation is the case under test, not an error worth logging.
    <IntlProvider locale={locale} defaultLocale="en" messages={messages} onError={() => {}}>
      <QueryClientProvider client={queries}>
        <MemoryRouter initialEntries={[path]}>
          <ToastProvider>
            <AuthProvider>{ui}</AuthProvider>
          </ToastProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </IntlProvider>,
  )
}
