/** A language the UI can show: its catalogue is src/i18n/messages/<code>.json. */
export interface Locale {
  code: string
  /** The language's own name, as a speaker looks for it in the picker. */
  name: string
  dir: 'ltr' | 'rtl'
}

export const DEFAULT_LOCALE = 'en'

/** Generated from English (npm run i18n:pseudo) to find clipping and untranslated text; debug only. */
export const PSEUDO_LOCALES: readonly Locale[] = [
  { code: 'en-XA', name: '[Ƥšéûðö]', dir: 'ltr' },
  { code: 'ar-XB', name: '[Ƥšéûðö ŔŢĻ]', dir: 'rtl' },
]

/** Names and directions of the languages Ferry ships; any other catalogue is named by Intl. */
const KNOWN: readonly Locale[] = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'it', name: 'Italiano', dir: 'ltr' },
  { code: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { code: 'nl', name: 'Nederlands', dir: 'ltr' },
  { code: 'pl', name: 'Polski', dir: 'ltr' },
  { code: 'ja', name: '日本語', dir: 'ltr' },
  { code: 'zh-CN', name: '简体中文', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  ...PSEUDO_LOCALES,
]

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'yi', 'ps', 'ckb', 'dv'])

/**
 * Every catalogue file, found at build time, loaded when chosen. English is bundled apart
 * (it is every message's fallback), so adding a language is adding its JSON file.
 */
export const CATALOGUES = import.meta.glob<Record<string, string>>(['./messages/*.json', '!./messages/en.json'], {
  import: 'default',
})

function describe(code: string): Locale {
  const known = KNOWN.find((l) => l.code === code)
  if (known) return known
  const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code
  return { code, name, dir: RIGHT_TO_LEFT.has(code.split('-')[0]!) ? 'rtl' : 'ltr' }
}

const catalogueCodes = Object.keys(CATALOGUES).map((path) => path.slice('./messages/'.length, -'.json'.length))
const pseudoCodes = new Set(PSEUDO_LOCALES.map((l) => l.code))

/** The languages with a catalogue, English first, the others by their own name. */
export const LOCALES: readonly Locale[] = [
  describe(DEFAULT_LOCALE),
  ...catalogueCodes
    .filter((code) => !pseudoCodes.has(code))
    .map(describe)
    .sort((a, b) => a.name.localeCompare(b.name)),
]

const PSEUDO_FLAG = 'ferry.pseudo'

/**
 * The pseudo-locales are offered only to whoever asks: "?pseudo" in the address (remembered
 * in this browser) or localStorage "ferry.pseudo" = "1"; "?pseudo=0" forgets it.
 */
export function pseudoLocalesEnabled(): boolean {
  const flag = new URLSearchParams(window.location.search).get('pseudo')
  if (flag !== null) {
    if (flag === '0') localStorage.removeItem(PSEUDO_FLAG)
    else localStorage.setItem(PSEUDO_FLAG, '1')
  }
  return localStorage.getItem(PSEUDO_FLAG) === '1'
}

/** The languages a user may pick: the shipped ones, plus the pseudo-locales in debug. */
export function selectableLocales(pseudo: boolean = pseudoLocalesEnabled()): readonly Locale[] {
  return pseudo ? [...LOCALES, ...PSEUDO_LOCALES.filter((l) => catalogueCodes.includes(l.code))] : LOCALES
}

/**
 * The first selectable locale among the user's preferences (best first), matching an exact
 * tag before its language alone, so "pt-BR" finds "pt-BR" and "de-AT" finds "de".
 */
export function negotiateLocale(
  preferences: readonly string[],
  locales: readonly Locale[] = selectableLocales(),
): string {
  const supported = new Map(locales.map((l) => [l.code.toLowerCase(), l.code]))
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
  return describe(code)
}
