import { useId } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { Icon } from '../ui/Icon'

export type GranteeKind = 'user' | 'group'

const LABELS = defineMessages({
  user: { id: 'grants.kind.user', defaultMessage: 'A person' },
  group: { id: 'grants.kind.group', defaultMessage: 'A group' },
})

const KINDS = [
  { value: 'user', label: LABELS.user, icon: 'user' },
  { value: 'group', label: LABELS.group, icon: 'team' },
] as const

/** Native radios styled as a segmented control, so arrow keys and screen readers work as usual. */
export function GranteeKindPicker({ value, onChange }: { value: GranteeKind; onChange: (kind: GranteeKind) => void }) {
  const intl = useIntl()
  const name = useId()
  return (
    <fieldset>
      <legend className="label">
        <FormattedMessage id="grants.kind.legend" defaultMessage="Share with" />
      </legend>
      <div className="inline-flex rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
        {KINDS.map((kind) => (
          <label
            key={kind.value}
            className={`flex cursor-pointer items-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent-500 ${
              value === kind.value
                ? 'bg-white text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-white'
                : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
            }`}
          >
            <input
              type="radio"
              name={name}
              value={kind.value}
              checked={value === kind.value}
              onChange={() => onChange(kind.value)}
              className="sr-only"
            />
            <Icon name={kind.icon} className="size-4" />
            {intl.formatMessage(kind.label)}
          </label>
        ))}
      </div>
    </fieldset>
  )
}
