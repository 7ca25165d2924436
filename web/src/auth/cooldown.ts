import { useEffect, useState } from 'react'

/** Counts the seconds down after a 429, so the form can wait as the server asked. */
export function useCooldown(): { secondsLeft: number; start: (seconds: number) => void } {
  const [until, setUntil] = useState(0)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until <= now) return
    const timer = window.setTimeout(() => setNow(Date.now()), 1000)
    return () => window.clearTimeout(timer)
  }, [until, now])
  return {
    secondsLeft: Math.max(0, Math.ceil((until - now) / 1000)),
    start: (seconds) => {
      const at = Date.now()
      setNow(at)
      setUntil(at + seconds * 1000)
    },
  }
}
