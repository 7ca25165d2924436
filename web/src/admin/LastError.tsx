import { FormattedMessage } from 'react-intl'
import { formatDateTime } from '../lib/format'

/** The last error an integration reported, and when, as SCIM and the sign-in providers show it. */
export function LastError({ error, at }: { error: string; at: string | null | undefined }) {
  return (
    <p className="text-xs muted">
      <FormattedMessage
        id="admin.lastError"
        defaultMessage="{at, select, none {Last error: <code>{error}</code>} other {Last error: <code>{error}</code> at {at}}}"
        values={{
          error,
          at: at ? formatDateTime(at) : 'none',
          code: (chunks) => <span className="font-mono">{chunks}</span>,
        }}
      />
    </p>
  )
}
