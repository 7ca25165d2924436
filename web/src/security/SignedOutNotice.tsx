import { useAuth } from '../auth/AuthProvider'
import { Icon } from '../ui/Icon'

/** A strip above the sign-in page: why the last session ended, when it ended on its own. */
export function SignedOutNotice() {
  const { signedOutNote } = useAuth()
  if (!signedOutNote) return null
  return (
    <p
      role="status"
      className="flex items-center justify-center gap-2 border-b border-amber-300 bg-amber-50 px-4 py-2.5 text-center text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <Icon name="clock" className="size-4 shrink-0" />
      {signedOutNote}
    </p>
  )
}
