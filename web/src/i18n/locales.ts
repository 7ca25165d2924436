/** A language the UI ships complete: its catalogue is src/i18n/messages/<code>.json. */
export interface Locale {
  code: string
  /** The language's own name, as a speaker looks for it in the picker. */
  name: string
  dir: 'ltr' | 'rtl'
}

export const DEFAULT_LOCALE = 'en'

export const LOCALES: readonly Locale[] = [{ code: 'en', name: 'English', dir: 'ltr' }]

/**
 * The first supported locale among the user's preferences (best first), matching an exact
 * tag before its language alone, so "pt-BR" finds "pt-BR" and "de-AT" finds "de".
 */
export function negotiateLocale(preferences: readonly string[]): string {
  const supported = new Map(LOCALES.map((l) => [l.code.toLowerCase(), l.code]))
  for (const preference of preferences) {
    const tag = preference.trim().toLowerCase()
    const exact = supported.get(tag)
    if (exact) return exact
    const language = supported.get(tag.split('-')[0] ?? '')
    if (language) return language
  }
  return DEFAULT_LOCALE
}

export function localeInfo(code: string): Locale {
  return LOCALES.find((l) => l.code === code) ?? LOCALES[0]!
}
