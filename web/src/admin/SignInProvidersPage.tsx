import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
import { LastError } from './LastError'
import { useQuery } from '@tanstack/react-query'
import { listSignInProviders, type ProviderStatus } from '../api/providers'
import { formatDateTime } from '../lib/format'
import { Badge } from '../ui/Badge'
import { EmptyState } from '../ui/EmptyState'
import { ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { ProviderSettings } from './ProviderSettings'
import { ScimStatusSection } from './ScimStatusSection'

const TYPES: Record<string, MessageDescriptor> = defineMessages({
  oidc: { id: 'admin.providers.type.oidc', defaultMessage: 'OpenID Connect' },
  ldap: { id: 'admin.providers.type.ldap', defaultMessage: 'LDAP directory' },
  saml: { id: 'admin.providers.type.saml', defaultMessage: 'SAML 2.0' },
})

/** Configured single sign-on providers and directories, with how sign-ins through them went. */
export function SignInProvidersPage() {
  const intl = useIntl()
  const providers = useQuery({ queryKey: ['admin-sign-in-providers'], queryFn: listSignInProviders })
  return (
    <>
      <PageHeader
        title={intl.formatMessage({
          id: 'admin.signInProvidersPage.signInProviders',
          defaultMessage: 'Sign-in providers',
        })}
        description={intl.formatMessage({
          id: 'admin.signInProvidersPage.singleSignOnAnd',
          defaultMessage:
            'Single sign-on and directories this server is configured with. Status is kept since this node started.',
        })}
      />
      <section className="card overflow-hidden" aria-labelledby="providers-heading">
        <h2
          id="providers-heading"
          className="border-b border-zinc-200/80 px-4 py-3 text-base font-semibold dark:border-zinc-800"
        >
          <FormattedMessage id="admin.signInProvidersPage.providers" defaultMessage="Providers" />
        </h2>
        {providers.isPending ? (
          <PageSpinner
            label={intl.formatMessage({
              id: 'admin.signInProvidersPage.loadingProviders',
              defaultMessage: 'Loading providers',
            })}
          />
        ) : providers.isError ? (
          <ErrorNotice
            error={providers.error}
            title={intl.formatMessage({
              id: 'admin.signInProvidersPage.couldNotLoadProviders',
              defaultMessage: 'Could not load providers',
            })}
            onRetry={() => void providers.refetch()}
          />
        ) : providers.data.length === 0 ? (
          <EmptyState
            icon="key"
            title={intl.formatMessage({
              id: 'admin.signInProvidersPage.noProviderIsConfigured',
              defaultMessage: 'No provider is configured',
            })}
          >
            <FormattedMessage
              id="admin.providers.emptyBody"
              defaultMessage="Set FERRY_OIDC_ISSUER (single sign-on) or FERRY_LDAP_URL (a directory); see docs/sso.md."
            />
          </EmptyState>
        ) : (
          <ul
            className="divide-y divide-zinc-100 dark:divide-zinc-800/80"
            aria-label={intl.formatMessage({ id: 'admin.signInProvidersPage.providers', defaultMessage: 'Providers' })}
          >
            {providers.data.map((provider) => (
              <ProviderRow key={`${provider.type}:${provider.id}`} provider={provider} />
            ))}
          </ul>
        )}
      </section>
      <ScimStatusSection />
    </>
  )
}

function ProviderRow({ provider }: { provider: ProviderStatus }) {
  const failing =
    !!provider.last_error_at && (!provider.last_success_at || provider.last_error_at > provider.last_success_at)
  const intl = useIntl()
  const type = TYPES[provider.type]
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          <FormattedMessage
            id="admin.providers.nameAndId"
            defaultMessage="{name} <muted>({id})</muted>"
            values={{
              name: provider.name,
              id: provider.id,
              muted: (chunks) => <span className="muted">{chunks}</span>,
            }}
          />
          <span className="me-1" />
          {failing ? (
            <Badge tone="amber">
              <FormattedMessage id="admin.signInProvidersPage.lastSignInFailed" defaultMessage="Last sign-in failed" />
            </Badge>
          ) : provider.last_success_at ? (
            <Badge tone="green">
              <FormattedMessage id="admin.signInProvidersPage.working" defaultMessage="Working" />
            </Badge>
          ) : (
            <Badge>
              <FormattedMessage
                id="admin.signInProvidersPage.configuredNotUsedYet"
                defaultMessage="Configured, not used yet"
              />
            </Badge>
          )}
        </p>
        <p className="text-sm muted">
          <FormattedMessage
            id="admin.providers.typeAndTarget"
            defaultMessage="{target, select, none {{type}} other {{type} · {target}}}"
            values={{ type: type ? intl.formatMessage(type) : provider.type, target: provider.target || 'none' }}
          />
        </p>
        <p className="text-xs muted">
          {provider.last_success_at ? (
            <FormattedMessage
              id="admin.providers.lastSuccess"
              defaultMessage="Last successful sign-in: {when}"
              values={{ when: formatDateTime(provider.last_success_at) }}
            />
          ) : (
            <FormattedMessage id="admin.providers.noSuccess" defaultMessage="Last successful sign-in: none yet" />
          )}
        </p>
        <ProviderSettings provider={provider} />
        {provider.last_error && <LastError error={provider.last_error} at={provider.last_error_at} />}
      </div>
    </li>
  )
}
