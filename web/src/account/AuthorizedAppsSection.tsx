import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { listAuthorizedApps, revokeAuthorizedApp, type AuthorizedApp } from '../api/oauth'
import { formatDate, formatRelative } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

/** Third-party apps the user let in through the OAuth2 consent screen. */
export function AuthorizedAppsSection() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const [revoking, setRevoking] = useState<AuthorizedApp | null>(null)
  const apps = useQuery({ queryKey: ['authorized-apps'], queryFn: listAuthorizedApps })
  const revoke = useMutation({
    mutationFn: (app: AuthorizedApp) => revokeAuthorizedApp(app.id),
    onSuccess: (_, app) => {
      toast.show(
        intl.formatMessage(
          { id: 'account.authorizedAppsSection.revoked', defaultMessage: 'Revoked access for {name}' },
          { name: app.app_name },
        ),
      )
      setRevoking(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: () => queries.invalidateQueries({ queryKey: ['authorized-apps'] }),
  })

  return (
    <Section
      title={intl.formatMessage({
        id: 'account.authorizedAppsSection.authorizedApps',
        defaultMessage: 'Authorized apps',
      })}
      description={intl.formatMessage({
        id: 'account.authorizedAppsSection.appsYouAllowedTo',
        defaultMessage: 'Apps you allowed to use your account. They act as you, within the permissions shown.',
      })}
    >
      {apps.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'account.authorizedAppsSection.loadingAuthorizedApps',
            defaultMessage: 'Loading authorized apps',
          })}
        />
      ) : apps.isError ? (
        <ErrorNotice error={apps.error} onRetry={() => void apps.refetch()} />
      ) : apps.data.length === 0 ? (
        <EmptyState
          compact
          icon="key"
          title={intl.formatMessage({
            id: 'account.authorizedAppsSection.noAuthorizedApps',
            defaultMessage: 'No authorized apps',
          })}
        >
          <FormattedMessage
            id="account.authorizedAppsSection.whenYouAllowAn"
            defaultMessage="When you allow an app to use your Ferry account, it appears here."
          />
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {apps.data.map((app) => (
            <li key={app.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:px-6">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium" title={app.app_name}>
                    {app.app_name}
                  </span>
                  {app.scopes.map((scope) => (
                    <Badge key={scope}>{scope}</Badge>
                  ))}
                </p>
                <p className="mt-0.5 text-sm muted">
                  <FormattedMessage
                    id="account.authorizedAppsSection.meta"
                    defaultMessage="Allowed {allowed} · {used, select, yes {last used {lastUsed}} other {never used}}"
                    values={{
                      allowed: formatDate(app.created_at),
                      used: app.last_used_at ? 'yes' : 'no',
                      lastUsed: app.last_used_at ? formatRelative(app.last_used_at) : '',
                    }}
                  />
                </p>
              </div>
              <Button
                size="sm"
                variant="danger-ghost"
                onClick={() => setRevoking(app)}
                className="self-start sm:self-center"
              >
                <FormattedMessage id="account.authorizedAppsSection.revokeAccess" defaultMessage="Revoke access" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={intl.formatMessage({
          id: 'account.authorizedAppsSection.revokeThisAppS',
          defaultMessage: "Revoke this app's access?",
        })}
        confirmLabel={intl.formatMessage({
          id: 'account.authorizedAppsSection.revokeAccess',
          defaultMessage: 'Revoke access',
        })}
        danger
        busy={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking)}
      >
        <FormattedMessage
          id="account.authorizedAppsSection.revokeBody"
          defaultMessage="<strong>{name}</strong> loses access at once; to use it again you would have to allow it again."
          values={{
            name: revoking?.app_name,
            strong: (chunks) => <bdi className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</bdi>,
          }}
        />
      </ConfirmDialog>
    </Section>
  )
}
