import { ApiError } from './client'

/** The app's query defaults (main.tsx); tests that depend on caching render with them too. */
export const QUERY_DEFAULTS = {
  staleTime: 15_000,
  refetchOnWindowFocus: true,
  // Retrying a 4xx repeats the same refusal; only transient failures deserve another try.
  retry: (count: number, error: Error) => count < 2 && !(error instanceof ApiError && error.status < 500),
}
