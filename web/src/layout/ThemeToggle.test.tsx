// @vitest-environment jsdom
import { IntlProvider } from 'react-intl'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ThemeToggle } from './ThemeToggle'

beforeEach(() => {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
  document.documentElement.classList.remove('dark')
})

describe('ThemeToggle', () => {
  it('is a radio group that arrow keys move through, and remembers the choice', async () => {
    render(
      <IntlProvider locale="en">
        <ThemeToggle />
      </IntlProvider>,
    )
    expect(screen.getByRole('radio', { name: 'System theme' }).getAttribute('aria-checked')).toBe('true')
    screen.getByRole('radio', { name: 'System theme' }).focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(screen.getByRole('radio', { name: 'Dark theme' }).getAttribute('aria-checked')).toBe('true')
    expect(document.documentElement.classList.contains('dark')).toBe(true)
    expect(localStorage.getItem('ferry.theme')).toBe('dark')
    await userEvent.click(screen.getByRole('radio', { name: 'Light theme' }))
    expect(document.documentElement.classList.contains('dark')).toBe(false)
  })

  it('follows the reading direction with the arrow keys in right-to-left languages', async () => {
    document.documentElement.dir = 'rtl'
    try {
      render(
        <IntlProvider locale="en">
          <ThemeToggle />
        </IntlProvider>,
      )
      screen.getByRole('radio', { name: 'System theme' }).focus()
      await userEvent.keyboard('{ArrowLeft}')
      expect(screen.getByRole('radio', { name: 'Dark theme' }).getAttribute('aria-checked')).toBe('true')
    } finally {
      document.documentElement.dir = ''
    }
  })
})
