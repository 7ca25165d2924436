import { createIntl, type IntlShape, type MessageDescriptor } from 'react-intl'

const english = createIntl({ locale: 'en', defaultLocale: 'en' })

type Values = Record<string, string | number>

/**
 * An error of the in-browser encryption that a person reads: it keeps its message descriptor,
 * so the component that shows it speaks the reader's language (its own message stays English
 * for logs and tests).
 */
export class E2eError extends Error {
  constructor(
    readonly descriptor: MessageDescriptor,
    readonly values: Values = {},
    options?: ErrorOptions,
  ) {
    super(english.formatMessage(descriptor, values), options)
    this.name = 'E2eError'
  }
}

/** The error as the reader should see it: an E2eError in the current locale, anything else unchanged. */
export function localized(intl: IntlShape, error: unknown): unknown {
  if (!(error instanceof E2eError)) return error
  return new Error(intl.formatMessage(error.descriptor, error.values), { cause: error })
}
