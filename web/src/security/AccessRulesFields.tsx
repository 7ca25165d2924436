import { defineMessage, FormattedMessage, useIntl } from 'react-intl'
import { ApiError } from '../api/client'
import { TextField } from '../ui/Field'

/** An account's network rules as typed: lists separated by commas or spaces. */
export interface AccessRulesText {
  allowed_ips: string
  allowed_countries: string
  denied_countries: string
}

const FIELDS = [
  {
    key: 'allowed_ips',
    label: defineMessage({ id: 'security.accessRules.allowedNetworks', defaultMessage: 'Allowed networks' }),
    placeholder: null,
    hint: null,
  },
  {
    key: 'allowed_countries',
    label: defineMessage({ id: 'security.accessRules.allowedCountries', defaultMessage: 'Allowed countries' }),
    placeholder: null,
    hint: defineMessage({
      id: 'security.accessRules.allowedCountriesHint',
      defaultMessage: 'Only from these countries (ISO codes). Needs the server’s GeoIP database.',
    }),
  },
  {
    key: 'denied_countries',
    label: defineMessage({ id: 'security.accessRules.deniedCountries', defaultMessage: 'Denied countries' }),
    placeholder: defineMessage({ id: 'security.accessRules.empty', defaultMessage: 'Empty' }),
    hint: defineMessage({
      id: 'security.accessRules.deniedCountriesHint',
      defaultMessage: 'Never from these countries.',
    }),
  },
] as const

// Examples, not words: the same in every language.
const PLACEHOLDERS: Record<string, string> = { allowed_ips: '192.0.2.0/24, 2001:db8::/32', allowed_countries: 'DE, FR' }

export function rulesText(rules: { [K in keyof AccessRulesText]?: string[] }): AccessRulesText {
  return {
    allowed_ips: (rules.allowed_ips ?? []).join(', '),
    allowed_countries: (rules.allowed_countries ?? []).join(', '),
    denied_countries: (rules.denied_countries ?? []).join(', '),
  }
}

export const NO_RULES: AccessRulesText = { allowed_ips: '', allowed_countries: '', denied_countries: '' }

const list = (text: string) => text.split(/[\s,]+/).filter(Boolean)

/** The lists to send: every list, so an emptied field clears its rule. */
export function rulesBody(text: AccessRulesText): { [K in keyof AccessRulesText]: string[] } {
  return {
    allowed_ips: list(text.allowed_ips),
    allowed_countries: list(text.allowed_countries),
    denied_countries: list(text.denied_countries),
  }
}

/** The server's refusal when it is about one of the rule lists (its detail starts with the field's name). */
export function ruleFieldOf(error: unknown): keyof AccessRulesText | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null
  return FIELDS.find((f) => error.message.startsWith(`${f.key}`))?.key ?? null
}

/**
 * Allowed networks and allowed/denied countries of an account, link or upload request, with
 * the server's message under the field it refused; `networksHint` says what the networks limit.
 */
export function AccessRulesFields({
  value,
  onChange,
  error,
  networksHint,
}: {
  value: AccessRulesText
  onChange: (value: AccessRulesText) => void
  error: unknown
  networksHint: string
}) {
  const refused = ruleFieldOf(error)
  const intl = useIntl()
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">
        <FormattedMessage id="security.accessRulesFields.networkAccess" defaultMessage="Network access" />
      </legend>
      {FIELDS.map((field) => (
        <TextField
          key={field.key}
          label={intl.formatMessage(field.label)}
          placeholder={field.placeholder ? intl.formatMessage(field.placeholder) : PLACEHOLDERS[field.key]}
          value={value[field.key]}
          // Addresses and country codes read left to right in every language.
          dir="ltr"
          hint={field.hint ? intl.formatMessage(field.hint) : networksHint}
          error={refused === field.key && error instanceof Error ? error.message : undefined}
          onChange={(e) => onChange({ ...value, [field.key]: e.target.value })}
        />
      ))}
    </fieldset>
  )
}
