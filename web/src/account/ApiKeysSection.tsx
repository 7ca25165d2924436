import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { listApiKeys, revokeApiKey } from '../api/account'
import type { ApiKey } from '../api/types'
import { formatDate, formatRelative } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { Icon } from '../ui/Icon'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { CreateApiKeyDialog } from './CreateApiKeyDialog'

function KeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  const expired = !!apiKey.expires_at && new Date(apiKey.expires_at).getTime() < Date.now()
  return (
    <li className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:px-6">
      <span className="hidden size-10 shrink-0 items-center justify-center rounded-xl bg-zinc-100 text-zinc-600 sm:flex dark:bg-zinc-800 dark:text-zinc-300">
        <Icon name="key" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="truncate font-medium" title={apiKey.name}>
            {apiKey.name}
          </span>
          <code className="kbd">
            <FormattedMessage
              id="account.apiKeysSection.prefix"
              defaultMessage="{prefix}…"
              values={{ prefix: apiKey.prefix }}
            />
          </code>
          {apiKey.scopes.map((scope) => (
            <Badge key={scope} tone={scope === 'admin' ? 'amber' : 'neutral'}>
              {scope}
            </Badge>
          ))}
          {expired && (
            <Badge tone="red">
              <FormattedMessage id="account.apiKeysSection.expired" defaultMessage="Expired" />
            </Badge>
          )}
        </p>
        <p className="mt-0.5 text-sm muted">
          <FormattedMessage
            id="account.apiKeysSection.meta"
            defaultMessage="Created {created} · {used, select, yes {last used {lastUsed}} other {never used}} · {expiry, select, expired {expired {expires}} active {expires {expires}} other {no expiry}}"
            values={{
              created: formatDate(apiKey.created_at),
              used: apiKey.last_used_at ? 'yes' : 'no',
              lastUsed: apiKey.last_used_at ? formatRelative(apiKey.last_used_at) : '',
              expiry: apiKey.expires_at ? (expired ? 'expired' : 'active') : 'none',
              expires: formatDate(apiKey.expires_at),
            }}
          />
        </p>
      </div>
      <Button size="sm" variant="danger-ghost" onClick={onRevoke} className="self-start sm:self-center">
        <FormattedMessage id="account.apiKeysSection.revoke" defaultMessage="Revoke" />
      </Button>
    </li>
  )
}

export function ApiKeysSection() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const [creating, setCreating] = useState(false)
  const [revoking, setRevoking] = useState<ApiKey | null>(null)
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: listApiKeys })
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key.id),
    onSuccess: (_, key) => {
      toast.show(
        intl.formatMessage(
          { id: 'account.apiKeysSection.revoked', defaultMessage: 'Revoked {name}' },
          { name: key.name },
        ),
      )
      setRevoking(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: () => queries.invalidateQueries({ queryKey: ['api-keys'] }),
  })

  return (
    <Section
      title={intl.formatMessage({ id: 'account.apiKeysSection.apiKeys', defaultMessage: 'API keys' })}
      description={intl.formatMessage({
        id: 'account.apiKeysSection.forTheFerryCli',
        defaultMessage: 'For the ferry CLI, scripts and other tools. A key acts as you, within its scopes.',
      })}
      actions={
        <Button size="sm" variant="primary" icon="plus" onClick={() => setCreating(true)}>
          <FormattedMessage id="account.apiKeysSection.createKey" defaultMessage="Create key" />
        </Button>
      }
    >
      {keys.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'account.apiKeysSection.loadingApiKeys',
            defaultMessage: 'Loading API keys',
          })}
        />
      ) : keys.isError ? (
        <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState
          compact
          icon="key"
          title={intl.formatMessage({ id: 'account.apiKeysSection.noApiKeysYet', defaultMessage: 'No API keys yet' })}
          action={
            <Button icon="plus" onClick={() => setCreating(true)}>
              <FormattedMessage id="account.apiKeysSection.createYourFirstKey" defaultMessage="Create your first key" />
            </Button>
          }
        >
          <FormattedMessage
            id="account.apiKeysSection.createAKeyTo"
            defaultMessage="Create a key to upload and download from scripts or the command line."
          />
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {keys.data.map((key) => (
            <KeyRow key={key.id} apiKey={key} onRevoke={() => setRevoking(key)} />
          ))}
        </ul>
      )}
      <CreateApiKeyDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queries.invalidateQueries({ queryKey: ['api-keys'] })}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={intl.formatMessage({ id: 'account.apiKeysSection.revokeThisKey', defaultMessage: 'Revoke this key?' })}
        confirmLabel={intl.formatMessage({ id: 'account.apiKeysSection.revokeKey', defaultMessage: 'Revoke key' })}
        danger
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        <FormattedMessage
          id="account.apiKeysSection.revokeBody"
          defaultMessage="Anything using <strong>{name}</strong> stops working at once."
          values={{
            name: revoking?.name,
            strong: (chunks) => <bdi className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</bdi>,
          }}
        />
      </ConfirmDialog>
    </Section>
  )
}
