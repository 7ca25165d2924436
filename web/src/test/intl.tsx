import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import { IntlProvider } from 'react-intl'

/**
 * Renders under a bare IntlProvider: English from each message's defaultMessage, or another
 * locale with a small test catalogue, to prove a component's text comes from the catalogue.
 */
export function renderIntl(
  ui: ReactElement,
  {
    locale = 'en',
    messages = {},
    ...options
  }: { locale?: string; messages?: Record<string, string> } & RenderOptions = {},
) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <IntlProvider locale={locale} defaultLocale="en" messages={messages} onError={() => {}}>
      {children}
    </IntlProvider>
  )
  return render(ui, { wrapper, ...options })
}
