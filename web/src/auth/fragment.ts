import { useEffect, useState } from 'react'

export function readFragmentParam(name: string, hash: string): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(name)
  return value && value.trim() ? value.trim() : null
}

/**
 * A one-time token from the URL fragment (`#token=...`), which browsers never send to the
 * server. Once read it is removed from the address bar and history, so it is not
 * bookmarked, synced or shown over a shoulder.
 */
export function useFragmentToken(name: string): string | null {
  const [value] = useState(() => readFragmentParam(name, window.location.hash))
  useEffect(() => {
    if (value && window.location.hash) {
      history.replaceState(history.state, '', window.location.pathname + window.location.search)
    }
  }, [value])
  return value
}
