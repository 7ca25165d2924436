// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from '../test/render'
import { ProviderSettings } from './ProviderSettings'

describe('ProviderSettings', () => {
  it('shows a SAML provider’s encryption and single logout URL', () => {
    renderApp(
      <ProviderSettings
        provider={{
          type: 'saml',
          id: 'saml',
          name: 'Keycloak',
          settings: { encryption: 'required', logout_url: 'https://ferry.example.com/api/v1/auth/saml/saml/slo' },
        }}
      />,
    )
    expect(screen.getByText('Encrypted assertions: required')).toBeTruthy()
    expect(screen.getByText('https://ferry.example.com/api/v1/auth/saml/saml/slo')).toBeTruthy()
  })

  it('shows whether a directory syncs groups, and nothing for a provider without settings', () => {
    const { container } = renderApp(
      <>
        <ProviderSettings provider={{ type: 'ldap', id: 'ldap', name: 'Directory', settings: { group_sync: 'off' } }} />
        <ProviderSettings provider={{ type: 'oidc', id: 'oidc', name: 'Company login', settings: {} }} />
      </>,
    )
    expect(screen.getByText('Group sync: off')).toBeTruthy()
    expect(container.querySelectorAll('ul')).toHaveLength(1)
  })
})
