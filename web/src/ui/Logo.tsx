export function LogoMark({ className = 'size-8' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="fill-accent-600 dark:fill-accent-500" />
      <path
        d="M7 19.5c2.2 1.6 4.2 1.6 6.2 0s4.2-1.6 6.4 0 4.2 1.6 5.4 0"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
      />
      <path
        d="M10 16V9.5L16 7l6 2.5V16"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  )
}

/** The product's name, never translated. */
const BRAND = 'Ferry'

/**
 * The mark and the name. `compact` keeps only the mark on phones (the name stays for
 * screen readers), for headers that also carry the language and theme controls.
 */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <span className="flex items-center gap-2.5">
      <LogoMark />
      <span
        className={`text-lg font-semibold tracking-tight text-zinc-900 dark:text-white ${compact ? 'max-[419px]:sr-only' : ''}`}
      >
        {BRAND}
      </span>
    </span>
  )
}
