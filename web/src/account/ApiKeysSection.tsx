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
          <code className="kbd">{apiKey.prefix}…</code>
          {apiKey.scopes.map((scope) => (
            <Badge key={scope} tone={scope === 'admin' ? 'amber' : 'neutral'}>
              {scope}
            </Badge>
          ))}
          {expired && <Badge tone="red">Expired</Badge>}
        </p>
        <p className="mt-0.5 text-sm muted">
          Created {formatDate(apiKey.created_at)} ·{' '}
          {apiKey.last_used_at ? `last used ${formatRelative(apiKey.last_used_at)}` : 'never used'} ·{' '}
          {apiKey.expires_at ? `${expired ? 'expired' : 'expires'} ${formatDate(apiKey.expires_at)}` : 'no expiry'}
        </p>
      </div>
      <Button size="sm" variant="danger-ghost" onClick={onRevoke} className="self-start sm:self-center">
        Revoke
      </Button>
    </li>
  )
}

export function ApiKeysSection() {
  const queries = useQueryClient()
  const toast = useToast()
  const [creating, setCreating] = useState(false)
  const [revoking, setRevoking] = useState<ApiKey | null>(null)
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: listApiKeys })
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key.id),
    onSuccess: (_, key) => {
      toast.show(`Revoked ${key.name}`)
      setRevoking(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: () => queries.invalidateQueries({ queryKey: ['api-keys'] }),
  })

  return (
    <Section
      title="API keys"
      description="For the ferry CLI, scripts and other tools. A key acts as you, within its scopes."
      actions={
        <Button size="sm" variant="primary" icon="plus" onClick={() => setCreating(true)}>
          Create key
        </Button>
      }
    >
      {keys.isPending ? (
        <PageSpinner label="Loading API keys" />
      ) : keys.isError ? (
        <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState
          compact
          icon="key"
          title="No API keys yet"
          action={
            <Button icon="plus" onClick={() => setCreating(true)}>
              Create your first key
            </Button>
          }
        >
          Create a key to upload and download from scripts or the command line.
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
        title="Revoke this key?"
        confirmLabel="Revoke key"
        danger
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        Anything using <span className="font-medium text-zinc-900 dark:text-zinc-100">{revoking?.name}</span> stops
        working at once.
      </ConfirmDialog>
    </Section>
  )
}
