import { useQuery } from '@tanstack/react-query'
import { getScimStatus, type ScimStatus } from '../api/scim'
import { formatDateTime } from '../lib/format'
import { Badge } from '../ui/Badge'
import { ErrorNotice } from '../ui/ErrorNotice'
import { PageSpinner } from '../ui/Spinner'

/** Whether an identity provider is pushing accounts over SCIM, and whether it is failing. */
export function ScimStatusSection() {
  const status = useQuery({ queryKey: ['admin-scim-status'], queryFn: getScimStatus })
  return (
    <section className="card mt-6 overflow-hidden" aria-labelledby="scim-heading">
      <h2
        id="scim-heading"
        className="border-b border-zinc-200/80 px-4 py-3 text-base font-semibold dark:border-zinc-800"
      >
        SCIM provisioning
      </h2>
      {status.isPending ? (
        <PageSpinner label="Loading SCIM status" />
      ) : status.isError ? (
        <ErrorNotice error={status.error} title="Could not load SCIM status" onRetry={() => void status.refetch()} />
      ) : (
        <ScimDetails status={status.data} />
      )}
    </section>
  )
}

function ScimDetails({ status }: { status: ScimStatus }) {
  const failing = !!status.last_error_at && (!status.last_request_at || status.last_error_at >= status.last_request_at)
  return (
    <div className="space-y-1 px-4 py-3">
      <p className="text-sm font-medium">
        {failing ? (
          <Badge tone="amber">Last request failed</Badge>
        ) : status.last_request_at ? (
          <Badge tone="green">Working</Badge>
        ) : (
          <Badge>No provider has called yet</Badge>
        )}
      </p>
      <p className="text-sm muted">
        {status.provisioned_users} provisioned users · {status.provisioned_groups} provisioned groups · deleting a user{' '}
        {status.deprovision === 'delete' ? 'deletes the account' : 'suspends the account'}
      </p>
      <p className="text-xs muted">
        Last request: {status.last_request_at ? formatDateTime(status.last_request_at) : 'none yet'}
      </p>
      {status.last_error && (
        <p className="text-xs muted">
          Last error: <span className="font-mono">{status.last_error}</span>
          {status.last_error_at ? ` at ${formatDateTime(status.last_error_at)}` : ''}
        </p>
      )}
      <p className="text-xs muted">
        Identity providers connect to /scim/v2 with an API key that has the scim scope (see docs/scim.md).
      </p>
    </div>
  )
}
