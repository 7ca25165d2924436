import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { IntlProvider } from 'react-intl'
import english from './messages/en.json'
import { setFormatLocale } from '../lib/format'
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

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale)
  const [messages, setMessages] = useState<Record<string, string>>(english)

  useEffect(() => {
    let current = true
    const load = CATALOGUES[`./messages/${locale}.json`]
    void (load ? load() : Promise.resolve(english)).then((loaded) => {
      if (current) setMessages(loaded)
    })
    const root = document.documentElement
    root.lang = locale
    root.dir = localeInfo(locale).dir
    return () => {
      current = false
    }
  }, [locale])

  const setLocale = useCallback((code: string) => {
    localStorage.setItem(STORAGE_KEY, code)
    setLocaleState(negotiateLocale([code]))
  }, [])

  // Set while rendering, not in an effect, so the children rendered with this locale format with it too.
  setFormatLocale(locale)

  const choice = useMemo(() => ({ locale, setLocale }), [locale, setLocale])

  return (
    <LocaleContext.Provider value={choice}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messages}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  )
}
