import { defineMessages, type IntlShape, type NoMessageValues } from 'react-intl'
import type { FileItem } from '../api/types'

/** A file the malware scanner found infected: the server serves it to nobody. */
export const isQuarantined = (file: Pick<FileItem, 'scan_status'>) => file.scan_status === 'infected'

const messages = defineMessages<{
  pending: NoMessageValues
  pendingTitle: NoMessageValues
  infected: { signature: string }
  infectedTitle: { signature: string }
  malware: NoMessageValues
  error: NoMessageValues
  errorTitle: NoMessageValues
}>({
  pending: { id: 'files.scan.pending', defaultMessage: 'Scanning' },
  pendingTitle: {
    id: 'files.scan.pendingTitle',
    defaultMessage: 'Waiting for the malware scan: only you can download it until it is done.',
  },
  infected: { id: 'files.scan.infected', defaultMessage: 'Infected: {signature}' },
  infectedTitle: {
    id: 'files.scan.infectedTitle',
    defaultMessage: 'Quarantined: the scanner found {signature}. Nobody can download or share it; delete it.',
  },
  malware: { id: 'files.scan.unknownMalware', defaultMessage: 'malware' },
  error: { id: 'files.scan.error', defaultMessage: 'Not scanned' },
  errorTitle: {
    id: 'files.scan.errorTitle',
    defaultMessage: 'The malware scanner could not check this file; it is served unscanned.',
  },
})

/** What the file list says about a file's scan, or null when there is nothing to say (clean, or no scanner). */
export function scanLabel(
  file: Pick<FileItem, 'scan_status' | 'scan_signature'>,
  intl: IntlShape,
): {
  text: string
  tone: 'neutral' | 'amber' | 'red'
  title: string
} | null {
  switch (file.scan_status) {
    case 'pending':
      return {
        text: intl.formatMessage(messages.pending),
        tone: 'neutral',
        title: intl.formatMessage(messages.pendingTitle),
      }
    case 'infected': {
      const signature = file.scan_signature ?? intl.formatMessage(messages.malware)
      return {
        text: intl.formatMessage(messages.infected, { signature }),
        tone: 'red',
        title: intl.formatMessage(messages.infectedTitle, { signature }),
      }
    }
    case 'error':
      return {
        text: intl.formatMessage(messages.error),
        tone: 'amber',
        title: intl.formatMessage(messages.errorTitle),
      }
    default:
      return null
  }
}
