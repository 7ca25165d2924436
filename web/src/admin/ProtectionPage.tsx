import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useEffect, useId, useState, type ReactNode } from 'react'
import { acknowledgeAlert, followAlerts, liftBan, listAlerts, listBans, type Alert, type Ban } from '../api/protect'
import { formatDateTime } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

const REASONS: Record<string, MessageDescriptor> = defineMessages({
  failed_credentials: {
    id: 'admin.protection.reason.failedCredentials',
    defaultMessage: 'Wrong passwords, codes or tokens',
  },
  rate_limited: { id: 'admin.protection.reason.rateLimited', defaultMessage: 'Rate limits hit' },
  unknown_id: { id: 'admin.protection.reason.unknownId', defaultMessage: 'Unknown ids or links probed' },
  ip_not_allowed: { id: 'admin.protection.reason.ipNotAllowed', defaultMessage: 'Refused by an IP allow-list' },
  country_not_allowed: { id: 'admin.protection.reason.countryNotAllowed', defaultMessage: 'Refused by a country rule' },
})

/** The defender's bans and the suspicious-activity alerts, kept live by the alert feed. */
export function ProtectionPage() {
  const intl = useIntl()
  const queries = useQueryClient()
  const bans = useQuery({ queryKey: ['admin-bans'], queryFn: listBans })
  const alerts = useQuery({ queryKey: ['admin-alerts'], queryFn: listAlerts })
  const [live, setLive] = useState(false)

  useEffect(() => {
    const stop = new AbortController()
    setLive(true)
    followAlerts(() => {
      void queries.invalidateQueries({ queryKey: ['admin-alerts'] })
      void queries.invalidateQueries({ queryKey: ['admin-bans'] })
    }, stop.signal)
      .catch(() => undefined)
      .finally(() => setLive(false))
    return () => stop.abort()
  }, [queries])

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'admin.protectionPage.bansAndAlerts', defaultMessage: 'Bans and alerts' })}
        description={intl.formatMessage({
          id: 'admin.protectionPage.addressesTheDefenderRefuses',
          defaultMessage: 'Addresses the defender refuses after too many failures, and activity worth a look.',
        })}
        actions={
          <Badge tone={live ? 'green' : 'neutral'}>
            {live ? (
              <FormattedMessage id="admin.protection.live" defaultMessage="Live" />
            ) : (
              <FormattedMessage id="admin.protection.notLive" defaultMessage="Not live" />
            )}
          </Badge>
        }
      />
      <ListSection
        title={intl.formatMessage({ id: 'admin.protectionPage.bannedAddresses', defaultMessage: 'Banned addresses' })}
        loading={intl.formatMessage({ id: 'admin.protection.loadingBans', defaultMessage: 'Loading banned addresses' })}
        failed={intl.formatMessage({
          id: 'admin.protection.bansFailed',
          defaultMessage: 'Could not load banned addresses',
        })}
        className="mb-6"
        query={bans}
        empty={
          <EmptyState
            icon="shield"
            title={intl.formatMessage({
              id: 'admin.protectionPage.noAddressIsBanned',
              defaultMessage: 'No address is banned',
            })}
          >
            <FormattedMessage
              id="admin.protectionPage.addressesThatFailToo"
              defaultMessage="Addresses that fail too often are banned here for a while."
            />
          </EmptyState>
        }
      >
        {(items) => items.map((ban) => <BanRow key={ban.address} ban={ban} onLifted={() => bans.refetch()} />)}
      </ListSection>
      <ListSection
        title={intl.formatMessage({ id: 'admin.protectionPage.alerts', defaultMessage: 'Alerts' })}
        loading={intl.formatMessage({ id: 'admin.protection.loadingAlerts', defaultMessage: 'Loading alerts' })}
        failed={intl.formatMessage({ id: 'admin.protection.alertsFailed', defaultMessage: 'Could not load alerts' })}
        query={alerts}
        empty={
          <EmptyState
            icon="alert"
            title={intl.formatMessage({ id: 'admin.protectionPage.noAlerts', defaultMessage: 'No alerts' })}
          >
            <FormattedMessage
              id="admin.protectionPage.bansSuspiciousUseOf"
              defaultMessage="Bans, suspicious use of links and accounts, mass deletions and infected files appear here as they happen."
            />
          </EmptyState>
        }
      >
        {(items) =>
          items.map((alert) => <AlertRow key={alert.id} alert={alert} onAcknowledged={() => alerts.refetch()} />)
        }
      </ListSection>
    </>
  )
}

/** A card with a heading and the query's items as a list, or its loading, error or empty state. */
function ListSection<T>({
  title,
  className = '',
  query,
  loading,
  failed,
  empty,
  children,
}: {
  title: string
  loading: string
  failed: string
  className?: string
  query: UseQueryResult<T[]>
  empty: ReactNode
  children: (items: T[]) => ReactNode
}) {
  const id = useId()
  return (
    <section className={`card overflow-hidden ${className}`} aria-labelledby={id}>
      <h2 id={id} className="border-b border-zinc-200/80 px-4 py-3 text-base font-semibold dark:border-zinc-800">
        {title}
      </h2>
      {query.isPending ? (
        <PageSpinner label={loading} />
      ) : query.isError ? (
        <ErrorNotice error={query.error} title={failed} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        empty
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800/80" aria-label={title}>
          {children(query.data)}
        </ul>
      )}
    </section>
  )
}

/** A row's action: busy while it runs, a failure shown as a toast. */
function useRowAction(run: () => Promise<unknown>): [boolean, () => void] {
  const toast = useToast()
  const [busy, setBusy] = useState(false)
  const start = () => {
    setBusy(true)
    run()
      .catch((e: unknown) => toast.show(errorMessage(e), 'error'))
      .finally(() => setBusy(false))
  }
  return [busy, start]
}

function BanRow({ ban, onLifted }: { ban: Ban; onLifted: () => Promise<unknown> }) {
  const intl = useIntl()
  const toast = useToast()
  const [busy, lift] = useRowAction(async () => {
    await liftBan(ban.address)
    toast.show(
      intl.formatMessage(
        { id: 'admin.protectionPage.liftedTheBanOf', defaultMessage: 'Lifted the ban of {address}' },
        { address: ban.address },
      ),
    )
    await onLifted()
  })
  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-mono text-sm font-medium">{ban.address}</p>
        <p className="text-sm muted">
          <FormattedMessage
            id="admin.protection.banMeta"
            defaultMessage="{reason} · until {until}{repeat, select, yes { · ban number {strikes, number}} other {}}"
            values={{
              reason: REASONS[ban.reason] ? intl.formatMessage(REASONS[ban.reason]!) : ban.reason,
              until: formatDateTime(ban.until),
              repeat: ban.strikes > 1 ? 'yes' : 'no',
              strikes: ban.strikes,
            }}
          />
        </p>
      </div>
      <Button
        size="sm"
        variant="ghost"
        icon="x"
        disabled={busy}
        onClick={lift}
        aria-label={intl.formatMessage(
          { id: 'admin.protectionPage.liftTheBanOf', defaultMessage: 'Lift the ban of {address}' },
          { address: ban.address },
        )}
      >
        <FormattedMessage id="admin.protectionPage.lift" defaultMessage="Lift" />
      </Button>
    </li>
  )
}

function AlertRow({ alert, onAcknowledged }: { alert: Alert; onAcknowledged: () => Promise<unknown> }) {
  const [busy, acknowledge] = useRowAction(async () => {
    await acknowledgeAlert(alert.id)
    await onAcknowledged()
  })
  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          <span className="me-1">{alert.title ?? alert.kind.replace(/_/g, ' ')}</span>
          {alert.acknowledged_at ? (
            <Badge>
              <FormattedMessage id="admin.protectionPage.acknowledged" defaultMessage="Acknowledged" />
            </Badge>
          ) : (
            <Badge tone="amber">
              <FormattedMessage id="admin.protectionPage.new" defaultMessage="New" />
            </Badge>
          )}
        </p>
        <p className="text-sm muted">{alert.detail}</p>
        <p className="text-xs muted">{formatDateTime(alert.created_at)}</p>
      </div>
      {!alert.acknowledged_at && (
        <Button size="sm" variant="ghost" icon="check" disabled={busy} onClick={acknowledge}>
          <FormattedMessage id="admin.protectionPage.acknowledge" defaultMessage="Acknowledge" />
        </Button>
      )}
    </li>
  )
}
