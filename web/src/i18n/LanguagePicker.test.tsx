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
  it('offers the shipped languages by their own names, switches text, lang and dir, and remembers the choice', async () => {
    renderPage()
    const picker = screen.getByRole('combobox', { name: 'Language' })
    const names = within(picker)
      .getAllByRole('option')
      .map((o) => o.textContent)
    expect(names[0]).toBe('English')
    expect(names).toEqual(expect.arrayContaining(['Deutsch', '日本語', 'العربية', 'Português (Brasil)']))
    expect(names).not.toContain('[Ƥšéûðö]')

    await userEvent.setup().selectOptions(picker, 'de')
    expect(await screen.findByText('Hier ist nichts')).toBeTruthy()
    await waitFor(() => expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['de', 'ltr']))
    expect(localStorage.getItem('ferry.locale')).toBe('de')

    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Sprache' }), 'ar')
    expect(await screen.findByText('لا يوجد شيء هنا')).toBeTruthy()
    await waitFor(() => expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['ar', 'rtl']))
  })

  it('offers the pseudo-locales in debug, accented and right to left', async () => {
    localStorage.setItem('ferry.pseudo', '1')
    renderPage()
    const picker = screen.getByRole('combobox', { name: 'Language' })
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value'))
        .slice(-2),
    ).toEqual(['en-XA', 'ar-XB'])

    await userEvent.setup().selectOptions(picker, 'en-XA')
    expect(await screen.findByText('[Ñööţĥîîñĝ ĥééŕéé]')).toBeTruthy()
    await waitFor(() => expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['en-XA', 'ltr']))

    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: /Ļààñĝûûààĝéé/ }), 'ar-XB')
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'))
    expect(document.documentElement.lang).toBe('ar-XB')
    expect(formatBytes(1536)).toBe('1.5 كيلوبايت')
  })
})
