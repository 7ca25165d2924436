import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

export function EmptyState({
  icon,
  title,
  children,
  action,
  tone = 'neutral',
  compact = false,
}: {
  icon: IconName
  title: string
  children?: ReactNode
  action?: ReactNode
  tone?: 'neutral' | 'error'
  compact?: boolean
}) {
  const ring =
    tone === 'error'
      ? 'bg-red-50 text-red-600 ring-red-100 dark:bg-red-950/40 dark:text-red-400 dark:ring-red-900/50'
      : 'bg-accent-50 text-accent-600 ring-accent-100 dark:bg-accent-950/50 dark:text-accent-300 dark:ring-accent-900/60'
  return (
    <div className={`flex flex-col items-center px-6 text-center ${compact ? 'py-10' : 'py-16'}`}>
      <div
        className={`flex items-center justify-center rounded-2xl ${compact ? 'mb-4 size-11 ring-6' : 'mb-5 size-14 ring-8'} ${ring}`}
      >
        <Icon name={icon} className={compact ? 'size-5' : 'size-7'} />
      </div>
      <h3 className="text-base font-semibold tracking-tight">{title}</h3>
      {children && <div className="mt-1.5 max-w-sm text-sm muted">{children}</div>}
      {action && <div className={`${compact ? 'mt-5' : 'mt-6'} flex flex-wrap justify-center gap-2`}>{action}</div>}
    </div>
  )
}
