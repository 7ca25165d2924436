import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import type { ReactElement } from 'react'
import { type InitialEntry, MemoryRouter } from 'react-router'
import { AuthProvider } from '../auth/AuthProvider'
import { I18nProvider } from '../i18n/I18nProvider'
import { ToastProvider } from '../ui/Toasts'

/** Renders inside the app's providers, as main.tsx does. */
export function renderApp(
  ui: ReactElement,
  path: InitialEntry = '/',
  queries = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
) {
  return render(
    <I18nProvider>
      <QueryClientProvider client={queries}>
        <MemoryRouter initialEntries={[path]}>
          <ToastProvider>
            <AuthProvider>{ui}</AuthProvider>
          </ToastProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  )
}
