import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { resetTwoFactor } from '../api/admin'
import type { UserInfo } from '../api/types'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { useToast } from '../ui/Toasts'

/**
 * For a user who lost their phone and recovery codes: removes their authenticator app,
 * recovery codes and passkeys (the server mails them). Asks once more before doing it.
 */
export function ResetTwoFactor({ user }: { user: UserInfo }) {
  const intl = useIntl()
  const toast = useToast()
  const [confirming, setConfirming] = useState(false)
  const reset = useMutation({
    mutationFn: () => resetTwoFactor(user.id),
    onSuccess: () => {
      setConfirming(false)
      toast.show(
        intl.formatMessage(
          {
            id: 'admin.resetTwoFactor.resetTwoFactorAuthentication',
            defaultMessage: 'Reset two-factor authentication for {email}',
          },
          { email: user.email },
        ),
      )
    },
  })
  return (
    <div className="space-y-3 border-t border-zinc-200/80 pt-4 dark:border-zinc-800">
      <h3 className="font-medium">
        <FormattedMessage
          id="admin.resetTwoFactor.twoFactorAuthentication"
          defaultMessage="Two-factor authentication"
        />
      </h3>
      <InlineError error={reset.error} />
      {confirming ? (
        <div
          role="group"
          aria-label={intl.formatMessage({
            id: 'admin.resetTwoFactor.confirmTheReset',
            defaultMessage: 'Confirm the reset',
          })}
          className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/50"
        >
          <p className="text-sm">
            <FormattedMessage
              id="admin.resetTwoFactor.confirmBody"
              defaultMessage="Remove {email}'s authenticator app, recovery codes and passkeys? They can sign in with their password alone (and must set up a new second factor if the policy requires one). They are told by email when mail is set up."
              values={{ email: <bdi>{user.email}</bdi> }}
            />
          </p>
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="danger" busy={reset.isPending} onClick={() => reset.mutate()}>
              <FormattedMessage id="admin.resetTwoFactor.resetTwoFactor" defaultMessage="Reset two-factor" />
            </Button>
            <Button size="sm" onClick={() => setConfirming(false)}>
              <FormattedMessage id="admin.resetTwoFactor.cancel" defaultMessage="Cancel" />
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm muted">
            <FormattedMessage
              id="admin.resetTwoFactor.whenTheyLostTheir"
              defaultMessage="When they lost their phone and recovery codes."
            />
          </p>
          <Button size="sm" variant="danger-secondary" onClick={() => setConfirming(true)}>
            <FormattedMessage id="admin.resetTwoFactor.resetTwoFactor2" defaultMessage="Reset two-factor…" />
          </Button>
        </div>
      )}
    </div>
  )
}
