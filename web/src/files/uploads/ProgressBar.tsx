export function ProgressBar({
  value,
  label,
  tone = 'accent',
}: {
  value: number
  label: string
  tone?: 'accent' | 'green' | 'red' | 'muted'
}) {
  const color = {
    accent: 'bg-accent-500',
    green: 'bg-emerald-500',
    red: 'bg-red-500',
    muted: 'bg-zinc-400 dark:bg-zinc-500',
  }[tone]
  const clamped = Math.max(0, Math.min(100, value))
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
    >
      {/* A CSSOM width (React sets element.style), which the CSP allows, unlike a style attribute in markup. */}
      <div
        className={`h-full rounded-full transition-[width] duration-300 ease-out ${color}`}
        style={{ width: `${clamped}%` }}
      />
    </div>
  )
}
