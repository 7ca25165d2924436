import { useUiIntl } from '../i18n/current'
import { defineMessages } from 'react-intl'
import { translate } from '../i18n/current'
import { ApiError } from '../api/client'
import { Button } from './Button'
import { EmptyState } from './EmptyState'

const MESSAGES = defineMessages({
  offline: {
    id: 'ui.error.offline',
    defaultMessage: 'Could not reach the server. Check your connection and try again.',
  },
  unknown: { id: 'ui.error.unknown', defaultMessage: 'Something went wrong.' },
})

/** What went wrong, in the UI's language: the server's own detail, or a fallback of ours. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof TypeError) return translate(MESSAGES.offline)
  return error instanceof Error ? error.message : translate(MESSAGES.unknown)
}

export function ErrorNotice({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const intl = useUiIntl()
  return (
    <EmptyState
      icon="alert"
      tone="error"
      title={title ?? intl.formatMessage({ id: 'ui.error.couldNotLoad', defaultMessage: 'Could not load this' })}
      action={
        onRetry && (
          <Button icon="refresh" onClick={onRetry}>
            {intl.formatMessage({ id: 'ui.error.tryAgain', defaultMessage: 'Try again' })}
          </Button>
        )
      }
    >
      {errorMessage(error)}
    </EmptyState>
  )
}

export function InlineError({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-300"
    >
      {errorMessage(error)}
    </div>
  )
}
