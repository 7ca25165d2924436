// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { generateIdentity, identityToRecipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import type { PublicShare } from '../api/share'
import { renderWithCatalogue } from '../test/renderWithCatalogue'
import { sealText } from './age'
import { EncryptedFiles } from './EncryptedFiles'

const GERMAN = {
  'e2e.files.secretKey': 'Geheimer Schlüssel',
  'e2e.error.wrongKey': 'Dieser Schlüssel oder diese Passphrase öffnet die Dateien nicht.',
  'e2e.files.summaryWithLimit':
    '{count, plural, one {# Datei} other {# Dateien}} · {left, plural, one {noch # Download} other {noch # Downloads}}',
}

describe('EncryptedFiles in another language', () => {
  it('says a wrong key in the catalogue language, then counts the files with its plurals', async () => {
    const identity = await generateIdentity()
    const manifest = await sealText(
      JSON.stringify({
        title: 'Plans',
        message: null,
        files: [
          { id: 'f1', name: 'a.pdf', type: 'application/pdf', size: 10 },
          { id: 'f2', name: 'b.pdf', type: 'application/pdf', size: 20 },
        ],
      }),
      { recipients: [await identityToRecipient(identity)] },
    )
    const share = {
      title: 'Encrypted transfer',
      files: [
        { id: 'f1', name: 'f1.age', size: 100, content_type: null },
        { id: 'f2', name: 'f2.age', size: 200, content_type: null },
      ],
      total_size: 300,
      expires_at: '2099-01-01T00:00:00Z',
      downloads_left: 1,
      e2e: true,
      manifest,
    } as unknown as PublicShare
    renderWithCatalogue(<EncryptedFiles token="tok" share={share} session={null} />, { locale: 'de', messages: GERMAN })
    const user = userEvent.setup()

    await user.type(screen.getByLabelText('Geheimer Schlüssel'), `${await generateIdentity()}{Enter}`)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Dieser Schlüssel oder diese Passphrase öffnet die Dateien nicht.',
    )

    await user.clear(screen.getByLabelText('Geheimer Schlüssel'))
    // Not in the German test catalogue: the button keeps its English text.
    await user.type(screen.getByLabelText('Geheimer Schlüssel'), identity)
    await user.click(screen.getByRole('button', { name: 'Decrypt' }))
    expect(await screen.findByText('2 Dateien · noch 1 Download')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Download a.pdf' })).toBeTruthy()
  })
})

describe('EncryptedFiles with a damaged link', () => {
  it('asks for the key when the fragment is a cut paste, instead of failing', () => {
    window.location.hash = '#%'
    try {
      const share = { title: 'Encrypted transfer', files: [], total_size: 0, e2e: true, manifest: null } as unknown as PublicShare
      renderWithCatalogue(<EncryptedFiles token="tok" share={share} session={null} />, { locale: 'de', messages: GERMAN })

      expect(screen.getByLabelText('Geheimer Schlüssel')).toBeTruthy()
    } finally {
      window.location.hash = ''
    }
  })
})
