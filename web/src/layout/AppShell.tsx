import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
import { useEffect, useState, type ReactNode } from 'react'
import { NavLink, Outlet, useLocation } from 'react-router'
import { useAuth } from '../auth/AuthProvider'
import { LanguagePicker } from '../i18n/LanguagePicker'
import { IconButton } from '../ui/Button'
import { Icon, type IconName } from '../ui/Icon'
import { Logo } from '../ui/Logo'
import { ThemeToggle } from './ThemeToggle'

interface NavItem {
  to: string
  label: MessageDescriptor
  icon: IconName
}

const LABELS = defineMessages({
  files: { id: 'layout.nav.files', defaultMessage: 'Files' },
  trash: { id: 'layout.nav.trash', defaultMessage: 'Trash' },
  shared: { id: 'layout.nav.shared', defaultMessage: 'Shared with me' },
  transfers: { id: 'layout.nav.transfers', defaultMessage: 'Transfers' },
  requests: { id: 'layout.nav.requests', defaultMessage: 'Upload requests' },
  account: { id: 'layout.nav.account', defaultMessage: 'Account' },
  dashboard: { id: 'layout.nav.dashboard', defaultMessage: 'Dashboard' },
  users: { id: 'layout.nav.users', defaultMessage: 'Users' },
  groups: { id: 'layout.nav.groups', defaultMessage: 'Groups' },
  security: { id: 'layout.nav.security', defaultMessage: 'Security policy' },
  providers: { id: 'layout.nav.providers', defaultMessage: 'Sign-in providers' },
  protection: { id: 'layout.nav.protection', defaultMessage: 'Bans and alerts' },
  uploadPolicy: { id: 'layout.nav.uploadPolicy', defaultMessage: 'Upload policy' },
  audit: { id: 'layout.nav.audit', defaultMessage: 'Audit log' },
  compliance: { id: 'layout.nav.compliance', defaultMessage: 'Compliance' },
})

const MAIN: NavItem[] = [
  { to: '/files', label: LABELS.files, icon: 'folder' },
  { to: '/trash', label: LABELS.trash, icon: 'trash' },
  { to: '/shared', label: LABELS.shared, icon: 'inbox' },
  { to: '/transfers', label: LABELS.transfers, icon: 'link' },
  { to: '/requests', label: LABELS.requests, icon: 'upload' },
  { to: '/account', label: LABELS.account, icon: 'user' },
]

const ADMIN: NavItem[] = [
  { to: '/admin/dashboard', label: LABELS.dashboard, icon: 'activity' },
  { to: '/admin/users', label: LABELS.users, icon: 'users' },
  { to: '/admin/groups', label: LABELS.groups, icon: 'team' },
  { to: '/admin/security', label: LABELS.security, icon: 'key' },
  { to: '/admin/sign-in-providers', label: LABELS.providers, icon: 'link' },
  { to: '/admin/protection', label: LABELS.protection, icon: 'ban' },
  { to: '/admin/upload-policy', label: LABELS.uploadPolicy, icon: 'filter' },
  { to: '/admin/audit', label: LABELS.audit, icon: 'shield' },
  { to: '/admin/compliance', label: LABELS.compliance, icon: 'document' },
]

const MENU = defineMessages({
  open: { id: 'layout.shell.openMenu', defaultMessage: 'Open menu' },
  close: { id: 'layout.shell.closeMenu', defaultMessage: 'Close menu' },
})

const ROLES = defineMessages({
  admin: { id: 'layout.shell.role.admin', defaultMessage: 'Admin' },
  user: { id: 'layout.shell.role.user', defaultMessage: 'User' },
  guest: { id: 'layout.shell.role.guest', defaultMessage: 'Guest' },
})

function NavItems({ items }: { items: NavItem[] }) {
  return (
    <ul className="space-y-0.5">
      {items.map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            className={({ isActive }) =>
              `flex items-center gap-3 rounded-lg px-3 py-2 text-[15px] font-medium transition-colors ${
                isActive
                  ? 'bg-accent-50 text-accent-800 dark:bg-accent-950/70 dark:text-accent-200'
                  : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/70 dark:hover:text-zinc-100'
              }`
            }
          >
            <Icon name={item.icon} className="size-[18px] shrink-0" />
            <FormattedMessage {...item.label} />
          </NavLink>
        </li>
      ))}
    </ul>
  )
}

function Sidebar({ onNavigate, showLogo = true }: { onNavigate?: () => void; showLogo?: boolean }) {
  const intl = useIntl()
  const { me, signOut } = useAuth()
  return (
    <div className="flex h-full flex-col" onClick={(e) => (e.target as HTMLElement).closest('a') && onNavigate?.()}>
      {showLogo ? (
        <div className="px-5 pt-5 pb-3">
          <Logo />
        </div>
      ) : (
        <div className="pt-4" />
      )}
      <nav
        aria-label={intl.formatMessage({ id: 'layout.nav.label', defaultMessage: 'Main' })}
        className="min-h-0 flex-1 space-y-6 overflow-y-auto px-3"
      >
        <NavItems items={MAIN} />
        {me?.role === 'admin' && (
          <div>
            <p className="mb-1.5 px-3 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              <FormattedMessage id="layout.nav.administration" defaultMessage="Administration" />
            </p>
            <NavItems items={ADMIN} />
          </div>
        )}
      </nav>
      <div className="space-y-3 border-t border-zinc-200/80 p-4 dark:border-zinc-800">
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs font-medium muted">
            <FormattedMessage id="layout.shell.theme" defaultMessage="Theme" />
          </span>
          <ThemeToggle />
        </div>
        <LanguagePicker className="w-full [&>select]:w-full [&>select]:max-w-none" />
        <div className="flex items-center gap-3 rounded-lg px-1">
          <span
            className="flex size-9 shrink-0 items-center justify-center rounded-full bg-accent-100 text-sm font-semibold text-accent-800 dark:bg-accent-900 dark:text-accent-100"
            aria-hidden="true"
          >
            {(me?.name || me?.email || '?').slice(0, 1).toUpperCase()}
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium" title={me?.email} dir="auto">
              {me?.name || me?.email}
            </p>
            <p className="truncate text-xs muted">{me?.role && intl.formatMessage(ROLES[me.role])}</p>
          </div>
          <IconButton
            icon="logout"
            label={intl.formatMessage({ id: 'layout.shell.signOut', defaultMessage: 'Sign out' })}
            onClick={() => void signOut()}
          />
        </div>
      </div>
    </div>
  )
}

export function AppShell({ children }: { children?: ReactNode }) {
  const intl = useIntl()
  const [menuOpen, setMenuOpen] = useState(false)
  const location = useLocation()
  useEffect(() => setMenuOpen(false), [location.pathname])
  useEffect(() => {
    if (!menuOpen) return
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setMenuOpen(false)
    window.addEventListener('keydown', close)
    return () => window.removeEventListener('keydown', close)
  }, [menuOpen])

  return (
    <div className="min-h-dvh lg:ps-64">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:start-3 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow-lg dark:focus:bg-zinc-800"
      >
        <FormattedMessage id="layout.shell.skipToContent" defaultMessage="Skip to content" />
      </a>
      {/* As tall as the page, so it never ends above the page's bottom; its content stays in view. */}
      <aside className="absolute inset-y-0 start-0 hidden w-64 border-e border-zinc-200/80 bg-white lg:block dark:border-zinc-800 dark:bg-zinc-900/60">
        <div className="sticky top-0 h-dvh">
          <Sidebar />
        </div>
      </aside>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-zinc-200/80 bg-white/90 px-4 py-2.5 backdrop-blur lg:hidden dark:border-zinc-800 dark:bg-zinc-900/90">
        <Logo />
        <IconButton
          icon={menuOpen ? 'x' : 'menu'}
          label={intl.formatMessage(menuOpen ? MENU.close : MENU.open)}
          aria-expanded={menuOpen}
          aria-controls="mobile-nav"
          onClick={() => setMenuOpen((open) => !open)}
        />
      </header>
      {menuOpen && (
        <div className="fixed inset-0 top-[57px] z-20 lg:hidden">
          <button
            type="button"
            aria-label={intl.formatMessage(MENU.close)}
            className="absolute inset-0 bg-zinc-950/30"
            onClick={() => setMenuOpen(false)}
          />
          <div id="mobile-nav" className="relative h-full w-72 max-w-[85vw] bg-white shadow-xl dark:bg-zinc-900">
            <Sidebar showLogo={false} onNavigate={() => setMenuOpen(false)} />
          </div>
        </div>
      )}
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:px-6 lg:px-10 lg:py-10"
      >
        {children ?? <Outlet />}
      </main>
    </div>
  )
}
