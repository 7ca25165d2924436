import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import {
  fetchMe,
  finishSignIn as apiFinishSignIn,
  signIn as apiSignIn,
  signOut as apiSignOut,
  signOutEverywhere as apiSignOutEverywhere,
  type MfaChallenge,
} from '../api/auth'
import { api } from '../api/client'
import type { Me } from '../api/types'
import { discardUploads } from '../files/uploads/uploader'

type Status = 'restoring' | 'signed-out' | 'signed-in'

interface Auth {
  status: Status
  me: Me | null
  /** Answers the second-factor challenge when the account has one; signed in otherwise. */
  signIn: (email: string, password: string) => Promise<MfaChallenge | null>
  finishSignIn: (mfaToken: string, code: string) => Promise<void>
  /** After setup or registration signed the user in already. */
  adopt: () => Promise<void>
  signOut: () => Promise<void>
  signOutEverywhere: () => Promise<void>
}

const AuthContext = createContext<Auth | null>(null)

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthProvider')
  return auth
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('restoring')
  const [me, setMe] = useState<Me | null>(null)
  const queries = useQueryClient()

  const loadMe = useCallback(async () => {
    const profile = await fetchMe()
    setMe(profile)
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

  const value = useMemo<Auth>(
    () => ({
      status,
      me,
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
      signOut: async () => {
        discardUploads()
        await apiSignOut()
      },
      signOutEverywhere: async () => {
        await apiSignOutEverywhere()
        discardUploads()
      },
    }),
    [status, me, loadMe],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
