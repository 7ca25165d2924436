import { FormattedMessage, useIntl } from 'react-intl'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { formatCountdown, IdleWatch, type IdlePhase } from './idle'
import { useIdleDeadline } from './sessionState'

/**
 * Warns a minute before an idle browser session ends, with a live countdown; staying
 * signed in refreshes the session (which the server counts as use), and at zero
 * {@code onExpired} signs out here.
 */
export function IdleWarning({ onExpired, onSignOut }: { onExpired: () => void; onSignOut: () => void }) {
  const intl = useIntl()
  const deadline = useIdleDeadline()
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' })
  const [watch] = useState(() => new IdleWatch(setPhase))
  const [staying, setStaying] = useState(false)

  useEffect(() => {
    watch.follow(deadline)
    return () => watch.stop()
  }, [watch, deadline])

  useEffect(() => {
    if (phase.kind === 'expired') onExpired()
  }, [phase, onExpired])

  const stay = () => {
    setStaying(true)
    void api.refresh().finally(() => setStaying(false))
  }
  const seconds = phase.kind === 'warning' ? phase.seconds : 0
  return (
    <Dialog
      open={phase.kind === 'warning'}
      onClose={stay}
      size="sm"
      title={intl.formatMessage(
        { id: 'security.idleWarning.title', defaultMessage: "You'll be signed out in {countdown}" },
        { countdown: formatCountdown(seconds) },
      )}
      description={
        <>
          <FormattedMessage
            id="security.idleWarning.body"
            defaultMessage="You have been inactive for a while. For your security, Ferry signs you out soon."
          />
          {/* Announced once when the dialog opens, not every second. */}
          <span className="sr-only" aria-live="polite">
            {phase.kind === 'warning' ? (
              <FormattedMessage
                id="security.idleWarning.announcement"
                defaultMessage="You will be signed out in about a minute."
              />
            ) : null}
          </span>
        </>
      }
      footer={
        <>
          <Button onClick={onSignOut}>
            <FormattedMessage id="security.idleWarning.signOut" defaultMessage="Sign out" />
          </Button>
          <Button variant="primary" busy={staying} onClick={stay} autoFocus>
            <FormattedMessage id="security.idleWarning.staySignedIn" defaultMessage="Stay signed in" />
          </Button>
        </>
      }
    />
  )
}
