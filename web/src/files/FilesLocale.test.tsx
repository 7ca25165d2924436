// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderIntl } from '../test/intl'
import { MoveDialog } from './FileDialogs'
import { SelectionBar } from './SelectionBar'

const german = {
  'files.move.title': '{count, plural, one {# Datei verschieben} other {# Dateien verschieben}}',
  'files.move.destination': 'Zielordner',
  'files.selection.count': '{count, number} ausgewählt',
  'files.selection.delete': 'Löschen',
}
const noop = () => {}

describe('file manager in another language', () => {
  it('takes the dialog title, its plural and the field label from the catalogue', () => {
    renderIntl(<MoveDialog count={3} open onClose={noop} onMove={async () => {}} />, {
      locale: 'de',
      messages: german,
    })
    expect(screen.getByRole('heading', { name: '3 Dateien verschieben' })).toBeTruthy()
    expect(screen.getByLabelText('Zielordner')).toBeTruthy()
  })

  it('uses the singular form for one file', () => {
    renderIntl(<MoveDialog count={1} open onClose={noop} onMove={async () => {}} />, {
      locale: 'de',
      messages: german,
    })
    expect(screen.getByRole('heading', { name: '1 Datei verschieben' })).toBeTruthy()
  })

  it('formats the selection count for the locale', () => {
    renderIntl(
      <SelectionBar count={1200} onClear={noop} onSend={noop} onDownload={noop} onMove={noop} onDelete={noop} />,
      { locale: 'de', messages: german },
    )
    expect(screen.getByText('1.200 ausgewählt')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Löschen' })).toBeTruthy()
  })
})
