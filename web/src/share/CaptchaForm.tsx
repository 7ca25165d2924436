import { useCallback, useEffect, useRef, useState } from 'react'
import { getChallenge, solveCaptcha } from '../api/share'
import { ProgressBar } from '../files/uploads/ProgressBar'
import { Button } from '../ui/Button'
import { errorMessage, InlineError } from '../ui/ErrorNotice'
import { encodePayload, type AltchaChallenge } from './altcha'

type Solved = { tried?: number; number?: number | null; error?: string }

/** Finds the challenge's number in a web worker, so the page stays responsive while it searches. */
function solveInWorker(challenge: AltchaChallenge, onProgress: (share: number) => void): Promise<number> {
  const worker = new Worker(new URL('./altcha.worker.ts', import.meta.url), { type: 'module' })
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<Solved>) => {
      const { tried, number, error } = event.data
      if (tried != null) return onProgress(Math.min(1, tried / Math.max(1, challenge.maxnumber)))
      if (error) reject(new Error(error))
      else if (number == null) reject(new Error('No solution was found for this check.'))
      else resolve(number)
    }
    worker.onerror = () => reject(new Error('This browser could not run the check.'))
    worker.postMessage(challenge)
  }).finally(() => worker.terminate())
}

/** Where a challenge comes from and where its solution goes: a share link's endpoints unless given. */
export interface CaptchaEndpoints {
  challenge: (token: string) => Promise<AltchaChallenge>
  solve: (token: string, payload: string) => Promise<{ session_token: string }>
}

const SHARE_LINK: CaptchaEndpoints = { challenge: getChallenge, solve: solveCaptcha }

/**
 * The proof of work of a link or upload request with a CAPTCHA: starts at once, shows how
 * far the search went, then opens a session like a password would.
 */
export function CaptchaForm({
  token,
  onSession,
  endpoints = SHARE_LINK,
  purpose = 'download from it',
}: {
  token: string
  onSession: (s: string) => void
  endpoints?: CaptchaEndpoints
  purpose?: string
}) {
  const [progress, setProgress] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const started = useRef(false)
  const run = useCallback(async () => {
    setError(null)
    setProgress(0)
    try {
      const challenge = await endpoints.challenge(token)
      const number = await solveInWorker(challenge, setProgress)
      setProgress(1)
      onSession((await endpoints.solve(token, encodePayload(challenge, number))).session_token)
    } catch (e) {
      setError(`The browser check failed: ${errorMessage(e)} Try again; if it keeps failing, ask the sender.`)
    }
  }, [token, onSession, endpoints])
  useEffect(() => {
    if (started.current) return
    started.current = true
    void run()
  }, [run])

  const percent = Math.round(progress * 100)
  return (
    <div className="space-y-4">
      <p className="text-[15px]">
        This link asks your browser to solve a short puzzle first, so scripts cannot {purpose} in bulk. Nothing to do:
        it runs by itself.
      </p>
      {error ? (
        <>
          <InlineError error={new Error(error)} />
          <Button variant="primary" icon="refresh" className="w-full" onClick={() => void run()}>
            Try again
          </Button>
        </>
      ) : (
        <div className="space-y-2">
          <div className="flex justify-between text-sm muted">
            <span>Checking your browser…</span>
            <span>{percent}%</span>
          </div>
          <ProgressBar value={percent} label="Browser check" />
        </div>
      )}
    </div>
  )
}
