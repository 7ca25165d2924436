import type { FileItem } from '../api/types'

/** A file the malware scanner found infected: the server serves it to nobody. */
export const isQuarantined = (file: Pick<FileItem, 'scan_status'>) => file.scan_status === 'infected'

/** What the file list says about a file's scan, or null when there is nothing to say (clean, or no scanner). */
export function scanLabel(file: Pick<FileItem, 'scan_status' | 'scan_signature'>): {
  text: string
  tone: 'neutral' | 'amber' | 'red'
  title: string
} | null {
  switch (file.scan_status) {
    case 'pending':
      return {
        text: 'Scanning',
        tone: 'neutral',
        title: 'Waiting for the malware scan: only you can download it until it is done.',
      }
    case 'infected':
      return {
        text: `Infected: ${file.scan_signature ?? 'malware'}`,
        tone: 'red',
        title: `Quarantined: the scanner found ${file.scan_signature ?? 'malware'}. Nobody can download or share it; delete it.`,
      }
    case 'error':
      return {
        text: 'Not scanned',
        tone: 'amber',
        title: 'The malware scanner could not check this file; it is served unscanned.',
      }
    default:
      return null
  }
}
