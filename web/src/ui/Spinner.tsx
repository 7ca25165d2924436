import { useUiIntl } from '../i18n/current'
export function Spinner({ className = 'size-5', label }: { className?: string; label?: string }) {
  return (
    <svg
      className={`animate-spin ${className}`}
      viewBox="0 0 24 24"
      fill="none"
      role={label ? 'status' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  )
}

export function PageSpinner({ label }: { label?: string }) {
  const intl = useUiIntl()
  return (
    <div className="flex min-h-48 items-center justify-center text-zinc-400">
      <Spinner
        className="size-6"
        label={label ?? intl.formatMessage({ id: 'ui.spinner.loading', defaultMessage: 'Loading' })}
      />
    </div>
  )
}
