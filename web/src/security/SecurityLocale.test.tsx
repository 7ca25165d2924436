// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { renderIntl } from '../test/intl'
import { RecoveryCodes, recoveryCodesText } from './RecoveryCodes'

const german = {
  'security.recoveryCodes.printHeading':
    '{account, select, none {Ferry-Wiederherstellungscodes} other {Ferry-Wiederherstellungscodes für {account}}}',
  'security.recoveryCodes.fileHeading':
    '{account, select, none {Ferry-Wiederherstellungscodes ({host})} other {Ferry-Wiederherstellungscodes für {account} ({host})}}',
  'security.recoveryCodes.fileExplanation': 'Jeder Code gilt einmal.',
  'security.recoveryCodes.recoveryCodes': 'Wiederherstellungscodes',
  'security.recoveryCodes.iSavedMyRecovery': 'Ich habe meine Codes gespeichert',
  'security.recoveryCodes.done': 'Fertig',
}

describe('security screens in another language', () => {
  it('takes labels, the default button and the heading variant from the catalogue', () => {
    renderIntl(<RecoveryCodes codes={['aaaa-bbbb']} account="ada@example.com" onDone={() => {}} />, {
      locale: 'de',
      messages: german,
    })
    expect(screen.getByRole('list', { name: 'Wiederherstellungscodes' })).toBeTruthy()
    expect(screen.getByLabelText('Ich habe meine Codes gespeichert')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Fertig' })).toBeTruthy()
    expect(screen.getByText('Ferry-Wiederherstellungscodes für ada@example.com')).toBeTruthy()
  })

  it('writes the saved file in the reader’s language', () => {
    const intl = createIntl({ locale: 'de', messages: german })
    expect(recoveryCodesText(intl, ['aaaa-bbbb'], undefined, 'ferry.example.com')).toBe(
      'Ferry-Wiederherstellungscodes (ferry.example.com)\nJeder Code gilt einmal.\n\naaaa-bbbb\n',
    )
  })
})
