import type { ChallengeV1 } from 'altcha/types'
import { useCallback, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
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
  purpose = 'download',
}: {
  token: string
  onSession: (s: string) => void
  endpoints?: CaptchaEndpoints
  /** What the puzzle protects: downloads from a share link or uploads through a request. */
  purpose?: 'download' | 'upload'
}) {
  const intl = useIntl()
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
      if (!solved)
        throw new Error(
          intl.formatMessage({
            id: 'share.captcha.noSolution',
            defaultMessage: 'No solution was found for this check.',
          }),
        )
      onSession((await endpoints.solve(token, solved.payload)).session_token)
    } catch (e) {
      setError(
        intl.formatMessage(
          {
            id: 'share.captcha.failed',
            defaultMessage: 'The browser check failed: {reason} Try again; if it keeps failing, ask the sender.',
          },
          { reason: errorMessage(e) },
        ),
      )
    } finally {
      setSolving(false)
    }
  }, [token, onSession, endpoints, intl])
  useEffect(() => {
    if (started.current) return
    started.current = true
    void run()
  }, [run])

  return (
    <div className="space-y-4">
      <p className="text-[15px]">
        <FormattedMessage
          id="share.captcha.intro"
          defaultMessage="This link asks your browser to solve a short puzzle first, so scripts cannot {purpose, select, upload {send files through it} other {download from it}} in bulk. Nothing to do: it runs by itself."
          values={{ purpose }}
        />
      </p>
      <div
        role="status"
        aria-label={intl.formatMessage({ id: 'share.captcha.status', defaultMessage: 'Browser check' })}
        aria-busy={solving}
      >
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
            <FormattedMessage id="share.captcha.retry" defaultMessage="Try again" />
          </Button>
        </>
      )}
    </div>
  )
}
