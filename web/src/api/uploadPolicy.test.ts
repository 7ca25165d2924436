import { afterEach, describe, expect, it } from 'vitest'
import { createCurrentIntl } from '../i18n/current'
import german from '../i18n/messages/de.json'
import { policyRefusal, type NumberedRule } from './uploadPolicy'

const onlyText: NumberedRule = {
  number: 2,
  name: 'Only .txt',
  allowed_types: ['text/plain'],
  allowed_extensions: ['.txt'],
  min_size: 512,
  max_size: 2048,
}

describe('policyRefusal', () => {
  it('words a refusal exactly as the server does', () => {
    expect(policyRefusal([onlyText], 'tiny.txt', 100)).toBe(
      'Upload policy rule 2 ("Only .txt") requires at least 512 bytes; this file has 100.',
    )
    expect(policyRefusal([onlyText], 'big.TXT', 3000)).toBe(
      'Upload policy rule 2 ("Only .txt") allows at most 2048 bytes; this file has 3000.',
    )
    expect(policyRefusal([onlyText], 'notes.md', 1024)).toBe(
      'Upload policy rule 2 ("Only .txt") allows only files ending in .txt.',
    )
  })

  it('accepts what every rule allows and names unnamed rules by number', () => {
    expect(policyRefusal([onlyText], 'fine.txt', 1024)).toBeNull()
    expect(policyRefusal([{ number: 1, denied_extensions: ['.exe', '.bat'] }], 'setup.EXE', 10)).toBe(
      'Upload policy rule 1 does not allow files ending in .exe, .bat.',
    )
    expect(policyRefusal([], 'anything.bin', 1)).toBeNull()
  })

  describe('in the UI language', () => {
    afterEach(() => createCurrentIntl('en', {}))

    it('speaks German once the UI does, byte counts as the server writes them', () => {
      createCurrentIntl('de', german)

      expect(policyRefusal([onlyText], 'big.TXT', 3000)).toBe(
        'Upload-Regel 2 („Only .txt“) erlaubt höchstens 2048 Bytes; diese Datei hat 3000.',
      )
      expect(policyRefusal([{ number: 1, denied_extensions: ['.exe'] }], 'setup.exe', 10)).toBe(
        'Upload-Regel 1 erlaubt keine Dateien mit der Endung .exe.',
      )
    })
  })
})
