import { useIntl } from 'react-intl'
import { TextField } from '../ui/Field'
import { parseRecipients } from './form'

/**
 * Addresses typed or pasted into one field (commas, new lines, "Name <a@b.c>"): the valid
 * ones, and what to say about the rest.
 */
export function useEmailList(text: string): { emails: string[]; error: string | undefined } {
  const intl = useIntl()
  const parsed = parseRecipients(text)
  return {
    emails: parsed.emails,
    error: parsed.invalid.length
      ? intl.formatMessage(
          { id: 'transfers.new.notAnEmail', defaultMessage: 'Not an email address: {addresses}' },
          { addresses: parsed.invalid.join(', ') },
        )
      : undefined,
  }
}

/** A field of email addresses: recipients, invited uploaders, the people an encrypted transfer is for. */
export function EmailListField({
  label,
  hint,
  value,
  onChange,
  error,
}: {
  label: string
  hint: string
  value: string
  onChange: (text: string) => void
  error?: string
}) {
  const intl = useIntl()
  return (
    <TextField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      dir="ltr"
      placeholder={intl.formatMessage({
        id: 'transfers.new.recipientsPlaceholder',
        defaultMessage: 'bob@example.com, alice@example.com',
      })}
      hint={hint}
      error={error}
    />
  )
}
