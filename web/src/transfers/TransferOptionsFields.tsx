import { CaptchaCheckbox } from '../share/CaptchaCheckbox'
import { SelectField, TextField } from '../ui/Field'

const EXPIRY = ['1', '3', '7', '14', '30'].map((d) => ({ value: d, label: `${d} ${d === '1' ? 'day' : 'days'}` }))

export interface TransferOptions {
  message: string
  days: string
  maxDownloads: string
  password: string
  captcha: boolean
}

/**
 * The message, expiry, download limit, access password and CAPTCHA of a new transfer: the
 * same fields for plain and end-to-end encrypted transfers. A password already stops
 * scripts, so the server takes one or the other, never both.
 */
export function TransferOptionsFields({
  id,
  value,
  onChange,
  passwordHint,
}: {
  id: string
  value: TransferOptions
  onChange: (next: TransferOptions) => void
  passwordHint: string
}) {
  const set = (field: keyof TransferOptions) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value })
  return (
    <>
      <div>
        <label htmlFor={`${id}-message`} className="label">
          Message
        </label>
        <textarea
          id={`${id}-message`}
          className="field h-24 resize-y"
          value={value.message}
          onChange={set('message')}
          maxLength={5000}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Expires after" options={EXPIRY} value={value.days} onChange={set('days')} />
        <TextField
          label="Download limit"
          inputMode="numeric"
          value={value.maxDownloads}
          onChange={set('maxDownloads')}
          placeholder="No limit"
        />
      </div>
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={set('password')}
        hint={passwordHint}
      />
      <CaptchaCheckbox
        checked={value.captcha}
        password={!!value.password}
        onChange={(captcha) => onChange({ ...value, captcha })}
      />
    </>
  )
}
