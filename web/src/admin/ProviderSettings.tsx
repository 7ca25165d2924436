import { FormattedMessage } from 'react-intl'
import type { ProviderStatus } from '../api/providers'

/**
 * The settings of a provider worth seeing at a glance: for SAML whether assertions must
 * be encrypted and the single logout address to register at the identity provider, for a
 * directory whether group sync is on.
 */
export function ProviderSettings({ provider }: { provider: ProviderStatus }) {
  const settings: Record<string, string> = provider.settings ?? {}
  const items = []
  if (settings.encryption) {
    items.push(
      <li key="encryption">
        {settings.encryption === 'required' ? (
          <FormattedMessage
            id="admin.providerSettings.encryptionRequired"
            defaultMessage="Encrypted assertions: required"
          />
        ) : (
          <FormattedMessage
            id="admin.providerSettings.encryptionOptional"
            defaultMessage="Encrypted assertions: accepted, not required"
          />
        )}
      </li>,
    )
  }
  if (settings.logout_url) {
    items.push(
      <li key="logout">
        <FormattedMessage
          id="admin.providerSettings.logoutUrl"
          defaultMessage="Single logout URL: {url}"
          values={{
            url: (
              <span className="font-mono" dir="ltr">
                {settings.logout_url}
              </span>
            ),
          }}
        />
      </li>,
    )
  }
  if (settings.group_sync) {
    items.push(
      <li key="groups">
        {settings.group_sync === 'on' ? (
          <FormattedMessage id="admin.providerSettings.groupSyncOn" defaultMessage="Group sync: on" />
        ) : (
          <FormattedMessage id="admin.providerSettings.groupSyncOff" defaultMessage="Group sync: off" />
        )}
      </li>,
    )
  }
  return items.length > 0 ? <ul className="text-xs muted">{items}</ul> : null
}
