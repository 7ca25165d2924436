import { AccessRulesFields, NO_RULES, rulesBody, type AccessRulesText } from '../security/AccessRulesFields'
import { CaptchaCheckbox } from '../share/CaptchaCheckbox'
import { positiveInt } from './form'
import { SelectField, TextField } from '../ui/Field'

const EXPIRY = ['1', '3', '7', '14', '30'].map((d) => ({ value: d, label: `${d} ${d === '1' ? 'day' : 'days'}` }))

export interface TransferOptions {
  message: string
  days: string
  maxDownloads: string
  password: string
  captcha: boolean
  bindToFirstDevice: boolean
  rules: AccessRulesText
}

export const NEW_TRANSFER_OPTIONS: TransferOptions = {
  message: '',
  days: '7',
  maxDownloads: '',
  password: '',
  captcha: false,
  bindToFirstDevice: false,
  rules: NO_RULES,
}

/** The link's part of a new transfer from the options; left unticked, the server's defaults decide. */
export function linkFields({ password, maxDownloads, captcha, bindToFirstDevice, rules }: TransferOptions) {
  const limit = positiveInt(maxDownloads)
  return {
    ...(password ? { password } : {}),
    ...(limit ? { max_downloads: limit } : {}),
    ...(captcha && !password ? { captcha: true } : {}),
    ...(bindToFirstDevice ? { bind_to_first_device: true } : {}),
    ...rulesBody(rules),
  }
}

/**
 * The message, expiry, download limit, access password, CAPTCHA, device binding and network
 * rules of a new transfer's link: the same fields for plain and end-to-end encrypted
 * transfers. A password already stops scripts, so the server takes one or the other, never
 * both. `error` is the last refusal, shown under the rule field it names.
 */
export function TransferOptionsFields({
  id,
  value,
  onChange,
  passwordHint,
  error,
}: {
  id: string
  value: TransferOptions
  onChange: (next: TransferOptions) => void
  passwordHint: string
  error: unknown
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
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 size-4 accent-accent-600"
          checked={value.bindToFirstDevice}
          onChange={(e) => onChange({ ...value, bindToFirstDevice: e.target.checked })}
        />
        <span>
          Only the first device
          <span className="block muted">The first browser that opens the link owns it; others are refused.</span>
        </span>
      </label>
      <AccessRulesFields
        value={value.rules}
        onChange={(rules) => onChange({ ...value, rules })}
        error={error}
        networksHint="Only visitors from these addresses (CIDR) can open the link. Empty: from anywhere."
      />
    </>
  )
}
