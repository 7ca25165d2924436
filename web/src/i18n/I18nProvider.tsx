import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { RawIntlProvider } from 'react-intl'
import { setFormatLocale } from '../lib/format'
import { createCurrentIntl } from './current'
import english from './messages/en.json'
import { CATALOGUES, DEFAULT_LOCALE, localeInfo, negotiateLocale } from './locales'

const STORAGE_KEY = 'ferry.locale'

interface LocaleChoice {
  locale: string
  setLocale: (code: string) => void
}

const LocaleContext = createContext<LocaleChoice>({ locale: DEFAULT_LOCALE, setLocale: () => {} })

export function useLocaleChoice(): LocaleChoice {
  return useContext(LocaleContext)
}

function initialLocale(): string {
  const remembered = localStorage.getItem(STORAGE_KEY)
  return negotiateLocale([...(remembered ? [remembered] : []), ...navigator.languages])
}

interface Catalogue {
  locale: string
  messages: Record<string, string>
}

const ENGLISH: Catalogue = { locale: DEFAULT_LOCALE, messages: english }

export function I18nProvider({ children }: { children: ReactNode }) {
  const [requested, setRequested] = useState(initialLocale)
  // The locale switches together with its catalogue, so no screen mixes two languages.
  const [active, setActive] = useState<Catalogue>(ENGLISH)

  useEffect(() => {
    let current = true
    const load = CATALOGUES[`./messages/${requested}.json`]
    void (load ? load() : Promise.resolve(english)).then((messages) => {
      if (current) setActive({ locale: load ? requested : DEFAULT_LOCALE, messages })
    })
    return () => {
      current = false
    }
  }, [requested])

  useEffect(() => {
    const root = document.documentElement
    root.lang = active.locale
    root.dir = localeInfo(active.locale).dir
  }, [active.locale])

  const setLocale = useCallback((code: string) => {
    localStorage.setItem(STORAGE_KEY, code)
    setRequested(negotiateLocale([code]))
  }, [])

  const intl = useMemo(() => {
    // Set while rendering, not in an effect, so the children rendered now format in this locale.
    setFormatLocale(active.locale)
    return createCurrentIntl(active.locale, active.messages)
  }, [active])

  const choice = useMemo(() => ({ locale: requested, setLocale }), [requested, setLocale])

  return (
    <LocaleContext.Provider value={choice}>
      <RawIntlProvider value={intl}>{children}</RawIntlProvider>
    </LocaleContext.Provider>
  )
}
