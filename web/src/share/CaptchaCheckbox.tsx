import { useQuery } from '@tanstack/react-query'
import { FormattedMessage } from 'react-intl'
import { getLinkDefaults } from '../api/share'

/** "Require a CAPTCHA" for a new link or upload request; off and disabled while a password or an address list guards it. */
export function CaptchaCheckbox({
  checked,
  unavailable,
  onChange,
  invitedOnlyToo = false,
}: {
  /** The creator's choice; null until they make one, and the server's default (shown ticked or not) decides. */
  checked: boolean | null
  /** A password or an address list already guards the link, and the server takes only one of them. */
  unavailable: boolean
  onChange: (checked: boolean) => void
  /** An upload request: a list of invited addresses excludes a CAPTCHA as a password does. */
  invitedOnlyToo?: boolean
}) {
  const defaults = useQuery({ queryKey: ['link-defaults'], queryFn: getLinkDefaults, staleTime: Infinity })
  const shown = checked ?? defaults.data?.captcha ?? false
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        className="mt-0.5 size-4 accent-accent-600"
        checked={shown && !unavailable}
        disabled={unavailable}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        <FormattedMessage id="share.captchaCheckbox.label" defaultMessage="Require a CAPTCHA" />
        <span className="block muted">
          {invitedOnlyToo ? (
            <FormattedMessage
              id="share.captchaCheckbox.hintInvited"
              defaultMessage="The visitor's browser solves a short puzzle first, which stops scripts. Not with a password or invited people."
            />
          ) : (
            <FormattedMessage
              id="share.captchaCheckbox.hint"
              defaultMessage="The visitor's browser solves a short puzzle first, which stops scripts. Not with a password."
            />
          )}
        </span>
      </span>
    </label>
  )
}
