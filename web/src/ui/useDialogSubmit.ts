import { useCallback, useEffect, useState } from 'react'

export interface SubmitOptions {
  /** For dialogs that show a result instead of closing: see {@link DialogSubmit.run}. */
  stayOpen?: boolean
  /** What to show for a failure, when the dialog words some failures itself. */
  explain?: (error: unknown) => unknown
}

export interface DialogSubmit {
  /** Whether the dialog's action is running: its submit button shows it and cannot be pressed again. */
  busy: boolean
  /** The last failure, for the dialog's InlineError. */
  error: unknown
  setError: (error: unknown) => void
  /**
   * Runs the dialog's action. A failure is kept in `error` and the form can be sent again. By
   * default the action closes the dialog on success, so `busy` stays set until it is gone and a
   * second press cannot slip in; `stayOpen` is for dialogs that show a result instead: the old
   * error is cleared when the action starts and `busy` ends with it either way.
   */
  run: (action: () => Promise<void>, options?: SubmitOptions) => Promise<void>
}

/**
 * The busy and error state every form dialog needs, fresh each time the dialog opens: `opened`
 * is the dialog's open flag or the thing it edits, and the state resets whenever it changes to
 * something truthy.
 */
export function useDialogSubmit(opened: unknown): DialogSubmit {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (opened) {
      setError(null)
      setBusy(false)
    }
  }, [opened])

  const run = useCallback(async (action: () => Promise<void>, options?: SubmitOptions) => {
    const stayOpen = options?.stayOpen ?? false
    setBusy(true)
    if (stayOpen) setError(null)
    try {
      await action()
      if (stayOpen) setBusy(false)
    } catch (e) {
      setError(options?.explain ? options.explain(e) : e)
      setBusy(false)
    }
  }, [])

  return { busy, error, setError, run }
}
