import { useSyncExternalStore } from 'react'
import { api, type Restriction } from '../api/client'

const subscribe = (listener: () => void) => api.onStateChange(listener)

/** What the current session must do first, following the API client. */
export const useRestriction = (): Restriction | null => useSyncExternalStore(subscribe, () => api.restriction)

/** When the current browser session ends without use, following the API client. */
export const useIdleDeadline = (): number | null => useSyncExternalStore(subscribe, () => api.idleDeadline)
