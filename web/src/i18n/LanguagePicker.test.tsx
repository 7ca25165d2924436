// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { NotFoundPage } from '../layout/NotFoundPage'
import { formatBytes } from '../lib/format'
import { MemoryRouter } from 'react-router'
import { I18nProvider } from './I18nProvider'
import { LanguagePicker } from './LanguagePicker'

function renderPage() {
  return render(
    <I18nProvider>
      <MemoryRouter>
        <LanguagePicker />
        <NotFoundPage />
      </MemoryRouter>
    </I18nProvider>,
  )
}

describe('LanguagePicker', () => {
  it('is hidden while English is the only language', () => {
    renderPage()
    expect(screen.queryByRole('combobox', { name: 'Language' })).toBeNull()
    expect(screen.getByText('Nothing here')).toBeTruthy()
  })

  it('offers the pseudo-locales in debug, switches text, lang and dir, and remembers the choice', async () => {
    localStorage.setItem('ferry.pseudo', '1')
    renderPage()
    const picker = screen.getByRole('combobox', { name: 'Language' })
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['en', 'en-XA', 'ar-XB'])

    await userEvent.setup().selectOptions(picker, 'en-XA')
    expect(await screen.findByText('[Ñööţĥîîñĝ ĥééŕéé]')).toBeTruthy()
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en-XA', 'ltr'])
    expect(localStorage.getItem('ferry.locale')).toBe('en-XA')

    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: /Ļààñĝûûààĝéé/ }), 'ar-XB')
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'))
    expect(document.documentElement.lang).toBe('ar-XB')
    expect(formatBytes(1536)).toBe('1.5 كيلوبايت')
  })
})
