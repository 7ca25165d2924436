import { useQueryClient } from '@tanstack/react-query'
import { useAccountLocale } from '../account/useAccountLocale'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import {
  fetchMe,
  finishSignIn as apiFinishSignIn,
  signIn as apiSignIn,
  signOut as apiSignOut,
  signOutEverywhere as apiSignOutEverywhere,
  type MfaChallenge,
} from '../api/auth'
import { api, type Restriction } from '../api/client'
import type { Me } from '../api/types'
import { forgetPending } from '../e2e/pending'
import { discardUploads } from '../files/uploads/uploader'
import { idleSignOutNote } from '../security/idle'
import { IdleWarning } from '../security/IdleWarning'
import { useRestriction } from '../security/sessionState'

type Status = 'restoring' | 'signed-out' | 'signed-in'

interface Auth {
  status: Status
  me: Me | null
  /** What a restricted session must do before anything else works; null when nothing. */
  restriction: Restriction | null
  /** Why the last session ended, when it was not the user's choice (shown on the sign-in page). */
  signedOutNote: string | null
  /** Answers the second-factor challenge when the account has one; signed in otherwise. */
  signIn: (email: string, password: string) => Promise<MfaChallenge | null>
  finishSignIn: (mfaToken: string, code: string) => Promise<void>
  /** After setup or registration signed the user in already. */
  adopt: () => Promise<void>
  signOut: () => Promise<void>
  signOutEverywhere: () => Promise<void>
  /** After fixing what the restriction asked: learns the session's new state from the server. */
  recheckRestriction: () => Promise<void>
}

const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthProvider')
  return auth
}

/** The account's unfinished uploads this browser keeps, plain and end-to-end encrypted. */
function discardPendingWork(): void {
  discardUploads()
  forgetPending().catch(() => undefined)
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('restoring')
  const [me, setMe] = useState<Me | null>(null)
  const [signedOutNote, setSignedOutNote] = useState<string | null>(null)
  const queries = useQueryClient()
  const restriction = useRestriction()
  useAccountLocale(me)

  const loadMe = useCallback(async () => {
    const profile = await fetchMe()
    setMe(profile)
    setSignedOutNote(null)
    setStatus('signed-in')
  }, [])

  useEffect(() => {
    let cancelled = false
    // A reload starts with no token: the refresh cookie, if any, brings the session back.
    api
      .refresh()
      .then((token) => (token && !cancelled ? loadMe() : setStatus('signed-out')))
      .catch(() => !cancelled && setStatus('signed-out'))
    const unsubscribe = api.onSessionChange((signedIn) => {
      if (!signedIn) {
        // However the session ended (revoked, expired, signed out elsewhere), the next
        // person here must not continue its uploads into their account.
        discardPendingWork()
        setMe(null)
        setStatus('signed-out')
        queries.clear()
      }
    })
    return () => {
      cancelled = true
      unsubscribe()
    }
  }, [loadMe, queries])

  const signOut = useCallback(async () => {
    discardPendingWork()
    await apiSignOut()
  }, [])

  const idleSignOut = useCallback(() => {
    const timeout = api.idleTimeout
    setSignedOutNote(idleSignOutNote(timeout ?? 0))
    // The server ends the session by itself too; this makes sure it is gone now, not at its next check.
    signOut().catch(() => api.forget())
  }, [signOut])

  const value = useMemo<Auth>(
    () => ({
      status,
      me,
      restriction,
      signedOutNote,
      signIn: async (email, password) => {
        const challenge = await apiSignIn(email, password)
        if (challenge === null) await loadMe()
        return challenge
      },
      finishSignIn: async (mfaToken, code) => {
        await apiFinishSignIn(mfaToken, code)
        await loadMe()
      },
      adopt: loadMe,
      signOut,
      signOutEverywhere: async () => {
        await apiSignOutEverywhere()
        discardUploads()
      },
      recheckRestriction: async () => {
        await api.refresh()
        await loadMe()
      },
    }),
    [status, me, restriction, signedOutNote, loadMe, signOut],
  )
  return (
    <AuthContext.Provider value={value}>
      {children}
      {status === 'signed-in' && <IdleWarning onExpired={idleSignOut} onSignOut={() => void signOut()} />}
    </AuthContext.Provider>
  )
}
