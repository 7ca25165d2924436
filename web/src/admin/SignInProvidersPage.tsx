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

const TYPES: Record<string, string> = { oidc: 'OpenID Connect', ldap: 'LDAP directory', saml: 'SAML 2.0' }

/** Configured single sign-on providers and directories, with how sign-ins through them went. */
export function SignInProvidersPage() {
  const providers = useQuery({ queryKey: ['admin-sign-in-providers'], queryFn: listSignInProviders })
  return (
    <>
      <PageHeader
        title="Sign-in providers"
        description="Single sign-on and directories this server is configured with. Status is kept since this node started."
      />
      <section className="card overflow-hidden" aria-labelledby="providers-heading">
        <h2
          id="providers-heading"
          className="border-b border-zinc-200/80 px-4 py-3 text-base font-semibold dark:border-zinc-800"
        >
          Providers
        </h2>
        {providers.isPending ? (
          <PageSpinner label="Loading providers" />
        ) : providers.isError ? (
          <ErrorNotice
            error={providers.error}
            title="Could not load providers"
            onRetry={() => void providers.refetch()}
          />
        ) : providers.data.length === 0 ? (
          <EmptyState icon="key" title="No provider is configured">
            Set FERRY_OIDC_ISSUER (single sign-on) or FERRY_LDAP_URL (a directory); see docs/sso.md.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800/80" aria-label="Providers">
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
  return (
    <li className="flex items-start gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          {provider.name} <span className="muted">({provider.id})</span>{' '}
          {failing ? (
            <Badge tone="amber">Last sign-in failed</Badge>
          ) : provider.last_success_at ? (
            <Badge tone="green">Working</Badge>
          ) : (
            <Badge>Configured, not used yet</Badge>
          )}
        </p>
        <p className="text-sm muted">
          {TYPES[provider.type] ?? provider.type}
          {provider.target ? ` · ${provider.target}` : ''}
        </p>
        <p className="text-xs muted">
          Last successful sign-in: {provider.last_success_at ? formatDateTime(provider.last_success_at) : 'none yet'}
        </p>
        <ProviderSettings provider={provider} />
        {provider.last_error && (
          <p className="text-xs muted">
            Last error: <span className="font-mono">{provider.last_error}</span>
            {provider.last_error_at ? ` at ${formatDateTime(provider.last_error_at)}` : ''}
          </p>
        )}
      </div>
    </li>
  )
}
