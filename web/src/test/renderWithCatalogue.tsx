import type { ReactElement } from 'react'
import { IntlProvider } from 'react-intl'
import { renderApp } from './render'

/**
 * Renders like renderApp but in a given locale with a hand-written catalogue, so a test proves
 * a component's text comes from the catalogue and that ids the catalogue lacks fall back to English.
 */
export function renderWithCatalogue(
  ui: ReactElement,
  { locale, messages, path = '/' }: { locale: string; messages: Record<string, string>; path?: string },
) {
  return renderApp(
    // A missing translation is the case under test, not an error worth logging.
    <IntlProvider locale={locale} defaultLocale="en" messages={messages} onError={() => {}}>
      {ui}
    </IntlProvider>,
    path,
  )
}
