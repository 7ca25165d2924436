import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { listSessions, revokeOtherSessions, revokeSession } from '../api/account'
import type { SessionInfo } from '../api/types'
import { useAuth } from '../auth/AuthProvider'
import { formatDateTime, formatRelative } from '../lib/format'
import { describeUserAgent } from '../lib/userAgent'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { Icon } from '../ui/Icon'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

function SessionRow({ session, onRevoke, busy }: { session: SessionInfo; onRevoke: () => void; busy: boolean }) {
  const intl = useIntl()
  return (
    <li className="flex items-center gap-4 px-5 py-4 sm:px-6">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
        <Icon name="laptop" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span className="truncate" title={session.user_agent ?? undefined}>
            {describeUserAgent(session.user_agent)}
          </span>
          {session.current && (
            <Badge tone="green">
              <FormattedMessage id="account.sessionsSection.thisDevice" defaultMessage="This device" />
            </Badge>
          )}
        </p>
        <p
          className="truncate text-sm muted"
          title={intl.formatMessage(
            { id: 'account.sessionsSection.signedInAt', defaultMessage: 'Signed in {when}' },
            { when: formatDateTime(session.created_at) },
          )}
        >
          <FormattedMessage
            id="account.sessionsSection.meta"
            defaultMessage="{address, select, unknown {Unknown address} other {{address}}} · active {active}"
            values={{
              address: session.ip ?? 'unknown',
              active: formatRelative(session.last_used_at ?? session.created_at),
            }}
          />
        </p>
      </div>
      {!session.current && (
        <Button size="sm" variant="danger-ghost" busy={busy} onClick={onRevoke}>
          <FormattedMessage id="account.sessionsSection.signOut" defaultMessage="Sign out" />
        </Button>
      )}
    </li>
  )
}

export function SessionsSection() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const auth = useAuth()
  const [confirmEverywhere, setConfirmEverywhere] = useState(false)
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: listSessions })
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: () =>
      toast.show(
        intl.formatMessage({
          id: 'account.sessionsSection.signedOutThatDevice',
          defaultMessage: 'Signed out that device',
        }),
      ),
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: () => queries.invalidateQueries({ queryKey: ['sessions'] }),
  })
  const others = useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: () =>
      toast.show(
        intl.formatMessage({
          id: 'account.sessionsSection.signedOutAllOther',
          defaultMessage: 'Signed out all other devices',
        }),
      ),
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: () => queries.invalidateQueries({ queryKey: ['sessions'] }),
  })
  const everywhere = useMutation({
    mutationFn: auth.signOutEverywhere,
    onError: (e) => toast.show(errorMessage(e), 'error'),
  })
  const list = sessions.data ?? []

  return (
    <Section
      title={intl.formatMessage({ id: 'account.sessionsSection.sessions', defaultMessage: 'Sessions' })}
      description={intl.formatMessage({
        id: 'account.sessionsSection.devicesSignedInTo',
        defaultMessage: "Devices signed in to your account. Sign out any you don't recognise.",
      })}
      actions={
        <>
          <Button
            size="sm"
            disabled={list.filter((s) => !s.current).length === 0}
            busy={others.isPending}
            onClick={() => others.mutate()}
          >
            <FormattedMessage
              id="account.sessionsSection.signOutOtherDevices"
              defaultMessage="Sign out other devices"
            />
          </Button>
          <Button size="sm" variant="danger-secondary" icon="logout" onClick={() => setConfirmEverywhere(true)}>
            <FormattedMessage id="account.sessionsSection.signOutEverywhere2" defaultMessage="Sign out everywhere" />
          </Button>
        </>
      }
    >
      {sessions.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'account.sessionsSection.loadingSessions',
            defaultMessage: 'Loading sessions',
          })}
        />
      ) : sessions.isError ? (
        <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {list.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              busy={revoke.isPending && revoke.variables === session.id}
              onRevoke={() => revoke.mutate(session.id)}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirmEverywhere}
        title={intl.formatMessage({
          id: 'account.sessionsSection.signOutEverywhere',
          defaultMessage: 'Sign out everywhere?',
        })}
        confirmLabel={intl.formatMessage({
          id: 'account.sessionsSection.signOutEverywhere2',
          defaultMessage: 'Sign out everywhere',
        })}
        danger
        busy={everywhere.isPending}
        onClose={() => setConfirmEverywhere(false)}
        onConfirm={() => everywhere.mutate()}
      >
        <FormattedMessage
          id="account.sessionsSection.everywhereBody"
          defaultMessage="Every device, including this one, is signed out. API keys keep working; revoke them below if needed."
        />
      </ConfirmDialog>
    </Section>
  )
}
