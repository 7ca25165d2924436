import { useEffect } from 'react'
import type { Me } from '../api/types'
import { useLocaleChoice } from '../i18n/I18nProvider'

/**
 * Switches the UI to the account's language whenever the signed-in account has one (after
 * sign-in, after a reload); an account without one keeps what the browser negotiated.
 */
export function useAccountLocale(me: Me | null): void {
  const { setLocale } = useLocaleChoice()
  const locale = me?.locale
  useEffect(() => {
    if (locale) setLocale(locale)
  }, [locale, setLocale])
}
