import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { PublicShare } from '../api/share'

const POLL_MS = 1000
const POLLS = 20

/**
 * The server counts a download when the browser's request for it arrives, which this page
 * cannot observe: a started download shows one download fewer at once, and the page asks the
 * server again until its count agrees. If it never does (the download was refused), the
 * server's figure stands after POLLS tries.
 */
export function useDownloadsLeft(token: string, served: PublicShare) {
  const queries = useQueryClient()
  const [expected, setExpected] = useState<number | null>(null)
  const left = served.downloads_left
  const waiting = expected != null && left != null && left > expected

  useEffect(() => {
    if (!waiting) return
    let polls = 0
    const timer = window.setInterval(() => {
      polls += 1
      if (polls > POLLS) {
        window.clearInterval(timer)
        setExpected(null)
        return
      }
      void queries.invalidateQueries({ queryKey: ['share', token] })
    }, POLL_MS)
    return () => window.clearInterval(timer)
  }, [waiting, queries, token])

  const started = () => {
    if (left != null) setExpected((current) => Math.max(0, Math.min(current ?? left, left) - 1))
  }
  const share = waiting ? { ...served, downloads_left: expected } : served
  return { share, started }
}
