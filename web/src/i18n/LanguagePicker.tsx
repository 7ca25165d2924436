import { useMemo } from 'react'
import { useIntl } from 'react-intl'
import { Icon } from '../ui/Icon'
import { useLocaleChoice } from './I18nProvider'
import { selectableLocales } from './locales'

/**
 * A compact language select, each language in its own name and script. Shown only when
 * there is a choice: English alone hides it (the pseudo-locales count only in debug).
 */
export function LanguagePicker({ className = '' }: { className?: string }) {
  const intl = useIntl()
  const { locale, setLocale } = useLocaleChoice()
  const locales = useMemo(() => selectableLocales(), [])
  if (locales.length < 2) return null
  return (
    <span className={`relative inline-flex items-center ${className}`}>
      <Icon name="globe" className="pointer-events-none absolute start-2 size-4 text-zinc-500 dark:text-zinc-400" />
      <select
        aria-label={intl.formatMessage({ id: 'i18n.picker.label', defaultMessage: 'Language' })}
        value={locale}
        onChange={(event) => setLocale(event.target.value)}
        className="h-8 max-w-44 appearance-none truncate rounded-lg border border-zinc-200 bg-white bg-[length:0.9rem] ps-7 pe-7 text-sm select-chevron dark:border-zinc-800 dark:bg-zinc-900"
      >
        {locales.map((l) => (
          <option key={l.code} value={l.code} lang={l.code} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
    </span>
  )
}
