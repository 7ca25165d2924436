// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../test/render'
import { PasswordSection } from './SecuritySection'

describe('PasswordSection', () => {
  it('offers the password change form for an account with a Ferry password', () => {
    renderApp(<PasswordSection />)
    expect(screen.getByLabelText('Current password')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Change password' })).toBeTruthy()
  })

  it('tells a directory account that its password is changed in the directory, with no form', () => {
    renderApp(<PasswordSection directoryAccount />)
    expect(screen.getByText(/change or reset it in the directory/).textContent).toContain('LDAP / Active Directory')
    expect(screen.queryByLabelText('Current password')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Change password' })).toBeNull()
  })
})
