import { FormattedMessage, useIntl } from 'react-intl'
import { LastError } from './LastError'
import { useQuery } from '@tanstack/react-query'
import { getScimStatus, type ScimStatus } from '../api/scim'
import { formatDateTime } from '../lib/format'
import { Badge } from '../ui/Badge'
import { ErrorNotice } from '../ui/ErrorNotice'
import { PageSpinner } from '../ui/Spinner'

/** Whether an identity provider is pushing accounts over SCIM, and whether it is failing. */
export function ScimStatusSection() {
  const intl = useIntl()
  const status = useQuery({ queryKey: ['admin-scim-status'], queryFn: getScimStatus })
  return (
    <section className="card mt-6 overflow-hidden" aria-labelledby="scim-heading">
      <h2
        id="scim-heading"
        className="border-b border-zinc-200/80 px-4 py-3 text-base font-semibold dark:border-zinc-800"
      >
        <FormattedMessage id="admin.scimStatusSection.scimProvisioning" defaultMessage="SCIM provisioning" />
      </h2>
      {status.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'admin.scimStatusSection.loadingScimStatus',
            defaultMessage: 'Loading SCIM status',
          })}
        />
      ) : status.isError ? (
        <ErrorNotice
          error={status.error}
          title={intl.formatMessage({
            id: 'admin.scimStatusSection.couldNotLoadScim',
            defaultMessage: 'Could not load SCIM status',
          })}
          onRetry={() => void status.refetch()}
        />
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
          <Badge tone="amber">
            <FormattedMessage id="admin.scimStatusSection.lastRequestFailed" defaultMessage="Last request failed" />
          </Badge>
        ) : status.last_request_at ? (
          <Badge tone="green">
            <FormattedMessage id="admin.scimStatusSection.working" defaultMessage="Working" />
          </Badge>
        ) : (
          <Badge>
            <FormattedMessage
              id="admin.scimStatusSection.noProviderHasCalled"
              defaultMessage="No provider has called yet"
            />
          </Badge>
        )}
      </p>
      <p className="text-sm muted">
        <FormattedMessage
          id="admin.scim.summary"
          defaultMessage="{users, plural, one {# provisioned user} other {# provisioned users}} · {groups, plural, one {# provisioned group} other {# provisioned groups}} · deleting a user {deprovision, select, delete {deletes the account} other {suspends the account}}"
          values={{
            users: status.provisioned_users,
            groups: status.provisioned_groups,
            deprovision: status.deprovision,
          }}
        />
      </p>
      <p className="text-xs muted">
        {status.last_request_at ? (
          <FormattedMessage
            id="admin.scim.lastRequest"
            defaultMessage="Last request: {when}"
            values={{ when: formatDateTime(status.last_request_at) }}
          />
        ) : (
          <FormattedMessage id="admin.scim.noRequest" defaultMessage="Last request: none yet" />
        )}
      </p>
      {status.last_error && <LastError error={status.last_error} at={status.last_error_at} />}
      <p className="text-xs muted">
        <FormattedMessage
          id="admin.scimStatusSection.identityProvidersConnectTo"
          defaultMessage="Identity providers connect to /scim/v2 with an API key that has the scim scope (see docs/scim.md)."
        />
      </p>
    </div>
  )
}
