import { useMutation } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useIntl } from 'react-intl'
import { updateAccountLanguage } from '../api/auth'
import { useAuth } from '../auth/AuthProvider'
import { useLocaleChoice } from '../i18n/I18nProvider'
import { LOCALES } from '../i18n/locales'
import { SelectField } from '../ui/Field'
import { InlineError } from '../ui/ErrorNotice'
import { Section } from '../ui/PageHeader'
import { useToast } from '../ui/Toasts'

const FOLLOW_BROWSER = ''

/**
 * The account's language (PATCH /api/v1/me): the web UI, the mails Ferry sends this
 * account and the server's error messages follow it; "follow the browser" clears it.
 */
export function LanguageSetting() {
  const intl = useIntl()
  const toast = useToast()
  const { me } = useAuth()
  const { setLocale } = useLocaleChoice()
  const [choice, setChoice] = useState<string>(me?.locale ?? FOLLOW_BROWSER)
  useEffect(() => setChoice(me?.locale ?? FOLLOW_BROWSER), [me?.locale])
  const save = useMutation({
    mutationFn: (code: string) => updateAccountLanguage(code === FOLLOW_BROWSER ? null : code),
    onSuccess: (_, code) => {
      setLocale(code === FOLLOW_BROWSER ? (navigator.languages[0] ?? navigator.language) : code)
      toast.show(intl.formatMessage({ id: 'account.language.saved', defaultMessage: 'Language saved' }))
    },
  })
  const options = [
    {
      value: FOLLOW_BROWSER,
      label: intl.formatMessage({ id: 'account.language.followBrowser', defaultMessage: 'Follow the browser' }),
    },
    ...LOCALES.map((l) => ({ value: l.code, label: l.name })),
  ]
  return (
    <Section
      title={intl.formatMessage({ id: 'account.language.title', defaultMessage: 'Language' })}
      description={intl.formatMessage({
        id: 'account.language.description',
        defaultMessage: 'The language of Ferry’s pages, of the mails it sends you and of its error messages.',
      })}
    >
      <div className="px-5 py-5 sm:px-6">
        <SelectField
          className="max-w-xs"
          label={intl.formatMessage({ id: 'account.language.label', defaultMessage: 'Language' })}
          options={options}
          value={choice}
          disabled={save.isPending}
          onChange={(event) => {
            setChoice(event.target.value)
            save.mutate(event.target.value)
          }}
        />
        {save.isError && <InlineError error={save.error} />}
      </div>
    </Section>
  )
}
