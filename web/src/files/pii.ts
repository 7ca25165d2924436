import { defineMessages, type IntlShape, type NoMessageValues } from 'react-intl'
import type { FileItem } from '../api/types'

/** The kinds of personal data the server's detector flags, by their names in `pii_flags`. */
const KINDS = defineMessages<Record<string, NoMessageValues>>({
  email: { id: 'files.pii.kind.email', defaultMessage: 'email addresses' },
  phone: { id: 'files.pii.kind.phone', defaultMessage: 'phone numbers' },
  payment_card: { id: 'files.pii.kind.paymentCard', defaultMessage: 'payment card numbers' },
  iban: { id: 'files.pii.kind.iban', defaultMessage: 'IBANs' },
  us_ssn: { id: 'files.pii.kind.usSsn', defaultMessage: 'US social security numbers' },
  de_tax_id: { id: 'files.pii.kind.deTaxId', defaultMessage: 'German tax ids' },
})

const messages = defineMessages<{ badge: NoMessageValues; title: { kinds: string } }>({
  badge: { id: 'files.pii.badge', defaultMessage: 'Personal data' },
  title: {
    id: 'files.pii.title',
    defaultMessage: 'Contains {kinds}. Public links to it may be blocked by policy; share it with named users instead.',
  },
})

/** A flag the UI does not know yet is shown by its name rather than hidden. */
const kindName = (flag: string, intl: IntlShape) => {
  const known = Object.hasOwn(KINDS, flag) ? KINDS[flag] : undefined
  return known ? intl.formatMessage(known) : flag
}

/** What the file list says about personal data found in a file, or null when none was found. */
export function piiLabel(file: Pick<FileItem, 'pii_flags'>, intl: IntlShape): { text: string; title: string } | null {
  const flags = file.pii_flags ?? []
  if (flags.length === 0) return null
  const kinds = intl.formatList(
    flags.map((flag) => kindName(flag, intl)),
    { type: 'conjunction' },
  )
  return { text: intl.formatMessage(messages.badge), title: intl.formatMessage(messages.title, { kinds }) }
}
