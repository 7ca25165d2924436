import { useEffect, useState } from 'react'

export type ThemePreference = 'system' | 'light' | 'dark'

const KEY = 'ferry.theme'

export function readPreference(storage: Pick<Storage, 'getItem'> = localStorage): ThemePreference {
  try {
    const saved = storage.getItem(KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  } catch {
    return 'system'
  }
}

export function resolveDark(preference: ThemePreference, systemDark: boolean): boolean {
  return preference === 'dark' || (preference === 'system' && systemDark)
}

function systemQuery(): MediaQueryList {
  return window.matchMedia('(prefers-color-scheme: dark)')
}

function apply(preference: ThemePreference): void {
  document.documentElement.classList.toggle('dark', resolveDark(preference, systemQuery().matches))
}

/** The saved preference (public/theme.js applies it before first paint), kept in sync with the OS. */
export function useTheme(): [ThemePreference, (next: ThemePreference) => void] {
  const [preference, setPreference] = useState<ThemePreference>(() => readPreference())

  useEffect(() => {
    apply(preference)
    if (preference !== 'system') return
    const query = systemQuery()
    const listener = () => apply('system')
    query.addEventListener('change', listener)
    return () => query.removeEventListener('change', listener)
  }, [preference])

  const update = (next: ThemePreference) => {
    try {
      if (next === 'system') localStorage.removeItem(KEY)
      else localStorage.setItem(KEY, next)
    } catch {
      // Private mode without storage: the choice still applies to this tab.
    }
    setPreference(next)
  }
  return [preference, update]
}

/** Whether the page is dark right now, for things styled by attributes rather than classes (chart SVG). */
export function useIsDark(): boolean {
  const [dark, setDark] = useState(() => document.documentElement.classList.contains('dark'))
  useEffect(() => {
    const root = document.documentElement
    const observer = new MutationObserver(() => setDark(root.classList.contains('dark')))
    observer.observe(root, { attributes: true, attributeFilter: ['class'] })
    return () => observer.disconnect()
  }, [])
  return dark
}
