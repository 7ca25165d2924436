import { FormattedMessage } from 'react-intl'

/** "Require a CAPTCHA" for a new link or upload request; off and disabled while a password is set. */
export function CaptchaCheckbox({
  checked,
  password,
  onChange,
}: {
  checked: boolean
  password: boolean
  onChange: (checked: boolean) => void
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type="checkbox"
        className="mt-0.5 size-4 accent-accent-600"
        checked={checked && !password}
        disabled={password}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        <FormattedMessage id="share.captchaCheckbox.label" defaultMessage="Require a CAPTCHA" />
        <span className="block muted">
          <FormattedMessage
            id="share.captchaCheckbox.hint"
            defaultMessage="The visitor's browser solves a short puzzle first, which stops scripts. Not with a password."
          />
        </span>
      </span>
    </label>
  )
}
