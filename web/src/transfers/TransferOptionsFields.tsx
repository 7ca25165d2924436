import { FormattedMessage, useIntl } from 'react-intl'
import { AccessRulesFields, NO_RULES, rulesBody, type AccessRulesText } from '../security/AccessRulesFields'
import { CaptchaCheckbox } from '../share/CaptchaCheckbox'
import { positiveInt } from './form'
import { SelectField, TextField } from '../ui/Field'

/** The expiry choices in days, as the new-transfer and extend forms offer them. */
export const EXPIRY_DAYS = ['1', '3', '7', '14', '30']

export interface TransferOptions {
  message: string
  days: string
  maxDownloads: string
  password: string
  /** Null: left to the server's default (FERRY_CAPTCHA_DEFAULT), which the checkbox shows. */
  captcha: boolean | null
  bindToFirstDevice: boolean
  showPreviews: boolean
  rules: AccessRulesText
}

export const NEW_TRANSFER_OPTIONS: TransferOptions = {
  message: '',
  days: '7',
  maxDownloads: '',
  password: '',
  captcha: null,
  bindToFirstDevice: false,
  showPreviews: false,
  rules: NO_RULES,
}

/** The link's part of a new transfer from the options; what the creator left untouched, the server's defaults decide. */
export function linkFields({
  password,
  maxDownloads,
  captcha,
  bindToFirstDevice,
  showPreviews,
  rules,
}: TransferOptions) {
  const limit = positiveInt(maxDownloads)
  return {
    ...(password ? { password } : {}),
    ...(limit ? { max_downloads: limit } : {}),
    ...(captcha !== null && !password ? { captcha } : {}),
    ...(bindToFirstDevice ? { bind_to_first_device: true } : {}),
    ...(showPreviews ? { show_previews: true } : {}),
    ...rulesBody(rules),
  }
}

/**
 * The message, expiry, download limit, access password, CAPTCHA, device binding and network
 * rules of a new transfer's link: the same fields for plain and end-to-end encrypted
 * transfers. A password already stops scripts, so the server takes one or the other, never
 * both. `error` is the last refusal, shown under the rule field it names. `previews` offers
 * thumbnails on the share page: end-to-end encrypted transfers have none, so their form leaves it out.
 */
export function TransferOptionsFields({
  id,
  value,
  onChange,
  passwordHint,
  error,
  previews = false,
}: {
  id: string
  value: TransferOptions
  onChange: (next: TransferOptions) => void
  passwordHint: string
  error: unknown
  previews?: boolean
}) {
  const intl = useIntl()
  const expiry = EXPIRY_DAYS.map((d) => ({
    value: d,
    label: intl.formatMessage(
      { id: 'transfers.options.days', defaultMessage: '{days, plural, one {# day} other {# days}}' },
      { days: Number(d) },
    ),
  }))
  const set = (field: keyof TransferOptions) => (e: { target: { value: string } }) =>
    onChange({ ...value, [field]: e.target.value })
  return (
    <>
      <div>
        <label htmlFor={`${id}-message`} className="label">
          <FormattedMessage id="transfers.options.message" defaultMessage="Message" />
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
        <SelectField
          label={intl.formatMessage({ id: 'transfers.options.expiresAfter', defaultMessage: 'Expires after' })}
          options={expiry}
          value={value.days}
          onChange={set('days')}
        />
        <TextField
          label={intl.formatMessage({ id: 'transfers.options.downloadLimit', defaultMessage: 'Download limit' })}
          inputMode="numeric"
          value={value.maxDownloads}
          onChange={set('maxDownloads')}
          placeholder={intl.formatMessage({ id: 'transfers.options.noLimit', defaultMessage: 'No limit' })}
        />
      </div>
      <TextField
        label={intl.formatMessage({ id: 'transfers.options.password', defaultMessage: 'Password' })}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={set('password')}
        hint={passwordHint}
      />
      <CaptchaCheckbox
        checked={value.captcha}
        unavailable={!!value.password}
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
          <FormattedMessage id="transfers.options.firstDevice" defaultMessage="Only the first device" />
          <span className="block muted">
            <FormattedMessage
              id="transfers.options.firstDeviceHint"
              defaultMessage="The first browser that opens the link owns it; others are refused."
            />
          </span>
        </span>
      </label>
      {previews && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-accent-600"
            checked={value.showPreviews}
            onChange={(e) => onChange({ ...value, showPreviews: e.target.checked })}
          />
          <span>
            <FormattedMessage id="transfers.options.showPreviews" defaultMessage="Show previews on the share page" />
            <span className="block muted">
              <FormattedMessage
                id="transfers.options.showPreviewsHint"
                defaultMessage="Recipients see thumbnails of images, PDFs and text files before downloading."
              />
            </span>
          </span>
        </label>
      )}
      <AccessRulesFields
        value={value.rules}
        onChange={(rules) => onChange({ ...value, rules })}
        error={error}
        networksHint={intl.formatMessage({
          id: 'transfers.options.networksHint',
          defaultMessage: 'Only visitors from these addresses (CIDR) can open the link. Empty: from anywhere.',
        })}
      />
    </>
  )
}
