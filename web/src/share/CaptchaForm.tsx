import type { ChallengeV1 } from 'altcha/types'
import { useCallback, useEffect, useRef, useState } from 'react'
import { getChallenge, solveCaptcha } from '../api/share'
import { Button } from '../ui/Button'
import { errorMessage, InlineError } from '../ui/ErrorNotice'
import './altchaWidget'

/** Where a challenge comes from and where its solution goes: a share link's endpoints unless given. */
export interface CaptchaEndpoints {
  challenge: (token: string) => Promise<ChallengeV1>
  solve: (token: string, payload: string) => Promise<{ session_token: string }>
}

const SHARE_LINK: CaptchaEndpoints = { challenge: getChallenge, solve: solveCaptcha }

/**
 * The proof of work of a link or upload request with a CAPTCHA: starts at once, solved by the
 * altcha widget (which shows it is verifying), then opens a session like a password would.
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
  const [solving, setSolving] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const widget = useRef<HTMLElementTagNameMap['altcha-widget']>(null)
  const started = useRef(false)
  const run = useCallback(async () => {
    setError(null)
    setSolving(true)
    try {
      const challenge = await endpoints.challenge(token)
      const element = widget.current
      if (!element) return
      // Our API client fetches the challenge so a refusal shows its problem detail; the widget only solves it.
      await element.configure({ challenge: JSON.stringify(challenge) })
      const solved = await element.verify()
      if (!solved) throw new Error('No solution was found for this check.')
      onSession((await endpoints.solve(token, solved.payload)).session_token)
    } catch (e) {
      setError(`The browser check failed: ${errorMessage(e)} Try again; if it keeps failing, ask the sender.`)
    } finally {
      setSolving(false)
    }
  }, [token, onSession, endpoints])
  useEffect(() => {
    if (started.current) return
    started.current = true
    void run()
  }, [run])

  return (
    <div className="space-y-4">
      <p className="text-[15px]">
        This link asks your browser to solve a short puzzle first, so scripts cannot {purpose} in bulk. Nothing to do:
        it runs by itself.
      </p>
      <div role="status" aria-label="Browser check" aria-busy={solving}>
        <altcha-widget
          ref={widget}
          auto="off"
          configuration={JSON.stringify({ hideFooter: true, humanInteractionSignature: false })}
        />
      </div>
      {error && (
        <>
          <InlineError error={new Error(error)} />
          <Button variant="primary" icon="refresh" className="w-full" onClick={() => void run()}>
            Try again
          </Button>
        </>
      )}
    </div>
  )
}
