import { useContext } from 'react'
import { createIntl, createIntlCache, IntlContext, type IntlShape, type MessageDescriptor } from 'react-intl'
import { DEFAULT_LOCALE } from './locales'

/**
 * The UI's current language for code that runs outside React (the API client, plain
 * helpers): the I18nProvider keeps it in step with what the components show.
 */
const cache = createIntlCache()
let current: IntlShape = createIntl({ locale: DEFAULT_LOCALE, defaultLocale: DEFAULT_LOCALE, messages: {} }, cache)

export function createCurrentIntl(locale: string, messages: Record<string, string>): IntlShape {
  current = createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages, onError: ignoreMissingData }, cache)
  return current
}

/** A pseudo-locale (en-XA, ar-XB) has no CLDR data of its own; Intl formats it as its language. */
function ignoreMissingData(error: { code: string }) {
  if (error.code !== 'MISSING_DATA') console.error(error)
}

export function currentLocale(): string {
  return current.locale
}

export function translate(descriptor: MessageDescriptor, values?: Record<string, string | number>): string {
  return current.formatMessage(descriptor, values)
}

/**
 * useIntl for the shared ui/ primitives: inside the app it is the provider's, and a
 * component test that renders a dialog without the app's providers still gets English.
 */
export function useUiIntl(): IntlShape {
  return useContext(IntlContext) ?? current
}
