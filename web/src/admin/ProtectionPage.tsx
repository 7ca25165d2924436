import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import { acknowledgeAlert, followAlerts, liftBan, listAlerts, listBans, type Alert, type Ban } from '../api/protect'
import { formatDateTime } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

const REASONS: Record<string, string> = {
  failed_credentials: 'Wrong passwords, codes or tokens',
  rate_limited: 'Rate limits hit',
  unknown_id: 'Unknown ids or links probed',
  ip_not_allowed: 'Refused by an IP allow-list',
  country_not_allowed: 'Refused by a country rule',
}

/** The defender's bans and the suspicious-activity alerts, kept live by the alert feed. */
export function ProtectionPage() {
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
        title="Bans and alerts"
        description="Addresses the defender refuses after too many failures, and activity worth a look."
        actions={<Badge tone={live ? 'green' : 'neutral'}>{live ? 'Live' : 'Not live'}</Badge>}
      />
      <ListSection
        title="Banned addresses"
        className="mb-6"
        query={bans}
        empty={
          <EmptyState icon="shield" title="No address is banned">
            Addresses that fail too often are banned here for a while.
          </EmptyState>
        }
      >
        {(items) => items.map((ban) => <BanRow key={ban.address} ban={ban} onLifted={() => bans.refetch()} />)}
      </ListSection>
      <ListSection
        title="Alerts"
        query={alerts}
        empty={
          <EmptyState icon="alert" title="No alerts">
            Bans, suspicious use of links and accounts, mass deletions and infected files appear here as they happen.
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
  empty,
  children,
}: {
  title: string
  className?: string
  query: UseQueryResult<T[]>
  empty: ReactNode
  children: (items: T[]) => ReactNode
}) {
  const id = `${title.toLowerCase().replace(/\W+/g, '-')}-heading`
  return (
    <section className={`card overflow-hidden ${className}`} aria-labelledby={id}>
      <h2 id={id} className="border-b border-zinc-200/80 px-4 py-3 text-base font-semibold dark:border-zinc-800">
        {title}
      </h2>
      {query.isPending ? (
        <PageSpinner label={`Loading ${title.toLowerCase()}`} />
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title={`Could not load ${title.toLowerCase()}`}
          onRetry={() => void query.refetch()}
        />
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
  const toast = useToast()
  const [busy, lift] = useRowAction(async () => {
    await liftBan(ban.address)
    toast.show(`Lifted the ban of ${ban.address}`)
    await onLifted()
  })
  return (
    <li className="flex items-center gap-3 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="font-mono text-sm font-medium">{ban.address}</p>
        <p className="text-sm muted">
          {REASONS[ban.reason] ?? ban.reason} · until {formatDateTime(ban.until)}
          {ban.strikes > 1 ? ` · ban number ${ban.strikes}` : ''}
        </p>
      </div>
      <Button
        size="sm"
        variant="ghost"
        icon="x"
        disabled={busy}
        onClick={lift}
        aria-label={`Lift the ban of ${ban.address}`}
      >
        Lift
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
          {alert.title ?? alert.kind.replace(/_/g, ' ')}{' '}
          {alert.acknowledged_at ? <Badge>Acknowledged</Badge> : <Badge tone="amber">New</Badge>}
        </p>
        <p className="text-sm muted">{alert.detail}</p>
        <p className="text-xs muted">{formatDateTime(alert.created_at)}</p>
      </div>
      {!alert.acknowledged_at && (
        <Button size="sm" variant="ghost" icon="check" disabled={busy} onClick={acknowledge}>
          Acknowledge
        </Button>
      )}
    </li>
  )
}
