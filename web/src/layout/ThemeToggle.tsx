import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl'
import { useTheme, type ThemePreference } from '../lib/theme'
import { Icon, type IconName } from '../ui/Icon'

const LABELS = defineMessages({
  light: { id: 'layout.theme.light', defaultMessage: 'Light theme' },
  system: { id: 'layout.theme.system', defaultMessage: 'System theme' },
  dark: { id: 'layout.theme.dark', defaultMessage: 'Dark theme' },
})

const OPTIONS: { value: ThemePreference; label: MessageDescriptor; icon: IconName }[] = [
  { value: 'light', label: LABELS.light, icon: 'sun' },
  { value: 'system', label: LABELS.system, icon: 'monitor' },
  { value: 'dark', label: LABELS.dark, icon: 'moon' },
]

/** A three-way switch (light / system / dark) as a radio group, so arrow keys move through it. */
export function ThemeToggle() {
  const intl = useIntl()
  const [preference, setPreference] = useTheme()
  // Arrow keys follow the reading direction: in Arabic, ArrowLeft moves forward.
  const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
  const back = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft'
  return (
    <div
      role="radiogroup"
      aria-label={intl.formatMessage({ id: 'layout.theme.group', defaultMessage: 'Color theme' })}
      className="inline-flex rounded-lg border border-zinc-200 bg-white p-0.5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      {OPTIONS.map((option) => {
        const checked = preference === option.value
        return (
          <button
            key={option.value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={intl.formatMessage(option.label)}
            title={intl.formatMessage(option.label)}
            tabIndex={checked ? 0 : -1}
            onClick={() => setPreference(option.value)}
            onKeyDown={(event) => {
              const step =
                event.key === forward || event.key === 'ArrowDown'
                  ? 1
                  : event.key === back || event.key === 'ArrowUp'
                    ? -1
                    : 0
              if (!step) return
              event.preventDefault()
              const index = (OPTIONS.findIndex((o) => o.value === preference) + step + OPTIONS.length) % OPTIONS.length
              const next = OPTIONS[index]
              if (!next) return
              setPreference(next.value)
              const sibling = (event.currentTarget.parentElement?.children[index] ?? null) as HTMLElement | null
              sibling?.focus()
            }}
            className={`flex size-7 items-center justify-center rounded-md transition-colors ${
              checked
                ? 'bg-zinc-100 text-zinc-900 dark:bg-zinc-700 dark:text-white'
                : 'text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200'
            }`}
          >
            <Icon name={option.icon} className="size-4" />
          </button>
        )
      })}
    </div>
  )
}
