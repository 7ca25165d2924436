import type { ReactNode } from 'react'
import { LanguagePicker } from '../i18n/LanguagePicker'
import { ThemeToggle } from '../layout/ThemeToggle'
import { Logo } from '../ui/Logo'

export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
  wide = false,
}: {
  title: string
  subtitle?: ReactNode
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
}) {
  return (
    <div className="relative flex min-h-dvh flex-col bg-gradient-to-b from-accent-50/70 to-zinc-50 dark:from-accent-950/40 dark:to-zinc-950">
      <header className="flex items-center justify-between gap-3 px-5 py-4 sm:px-8">
        <Logo compact />
        <div className="flex items-center gap-2">
          <LanguagePicker />
          <ThemeToggle />
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className={`w-full ${wide ? 'max-w-2xl' : 'max-w-[400px]'}`}>
          <div className="card p-6 sm:p-8">
            <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
            {subtitle && <p className="mt-1.5 text-[15px] muted">{subtitle}</p>}
            <div className="mt-6">{children}</div>
          </div>
          {footer && <div className="mt-6 text-center text-sm muted">{footer}</div>}
        </div>
      </main>
    </div>
  )
}
