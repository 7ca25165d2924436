import { useTheme, type ThemePreference } from '../lib/theme'
import { Icon, type IconName } from '../ui/Icon'

const OPTIONS: { value: ThemePreference; label: string; icon: IconName }[] = [
  { value: 'light', label: 'Light', icon: 'sun' },
  { value: 'system', label: 'System', icon: 'monitor' },
  { value: 'dark', label: 'Dark', icon: 'moon' },
]

/** A three-way switch (light / system / dark) as a radio group, so arrow keys move through it. */
export function ThemeToggle() {
  const [preference, setPreference] = useTheme()
  return (
    <div
      role="radiogroup"
      aria-label="Color theme"
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
            aria-label={`${option.label} theme`}
            title={`${option.label} theme`}
            tabIndex={checked ? 0 : -1}
            onClick={() => setPreference(option.value)}
            onKeyDown={(event) => {
              const step =
                event.key === 'ArrowRight' || event.key === 'ArrowDown'
                  ? 1
                  : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
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
