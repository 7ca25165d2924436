/** Pure helpers of the new-transfer form, kept out of the component so they are tested alone. */
import type { IntlShape } from 'react-intl'

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/

/** Splits what people paste (commas, semicolons, spaces, new lines, "Name <a@b.c>") into addresses. */
export function parseRecipients(text: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = []
  const invalid: string[] = []
  for (const raw of text.split(/[\s,;]+/)) {
    const part = raw.replace(/^<|>$/g, '').trim()
    if (!part) continue
    if (!EMAIL.test(part)) invalid.push(part)
    else if (!emails.some((e) => e.toLowerCase() === part.toLowerCase())) emails.push(part)
  }
  return { emails, invalid }
}

/** End of the chosen day in days from `now`, as the ISO instant the API takes. */
export function expiryFromDays(days: number, now: Date = new Date()): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString()
}

/** A positive whole number from a form field, or undefined when empty or not one. */
export function positiveInt(value: string): number | undefined {
  const n = Number(value.trim())
  return value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : undefined
}

/** "3 of 5 downloads" style summary of a link's limit. */
export function downloadsSummary(intl: IntlShape, downloads: number, max: number | null | undefined): string {
  if (max == null)
    return intl.formatMessage(
      { id: 'transfers.link.downloads', defaultMessage: '{downloads, plural, one {# download} other {# downloads}}' },
      { downloads },
    )
  return intl.formatMessage(
    {
      id: 'transfers.link.downloadsOfLimit',
      defaultMessage: '{downloads, number} of {max, plural, one {# download} other {# downloads}}',
    },
    { downloads, max },
  )
}

export type DisplayStatus = 'active' | 'expired' | 'exhausted' | 'revoked'

/** A transfer whose every live link used up its downloads reads as exhausted, though the API still calls it active. */
export function displayStatus(transfer: { status: string; shares: { status: string }[] }): DisplayStatus {
  if (transfer.status === 'revoked' || transfer.status === 'expired') return transfer.status
  const live = transfer.shares.filter((s) => s.status !== 'revoked' && s.status !== 'expired')
  if (transfer.shares.length > 0 && live.length > 0 && live.every((s) => s.status === 'exhausted')) return 'exhausted'
  return 'active'
}
