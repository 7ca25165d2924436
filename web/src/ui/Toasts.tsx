import { useUiIntl } from '../i18n/current'
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { IconButton } from './Button'
import { Icon } from './Icon'

type Tone = 'success' | 'error' | 'info'

interface Toast {
  id: number
  tone: Tone
  message: string
}

interface Toaster {
  show: (message: string, tone?: Tone) => void
}

const ToastContext = createContext<Toaster>({ show: () => {} })

export function useToast(): Toaster {
  return useContext(ToastContext)
}

const TONE_ICON = { success: 'check', error: 'alert', info: 'info' } as const
const TONE_CLASS: Record<Tone, string> = {
  success: 'text-emerald-600 dark:text-emerald-400',
  error: 'text-red-600 dark:text-red-400',
  info: 'text-accent-600 dark:text-accent-300',
}

/** Short confirmations in a polite live region, so screen readers hear them too. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const intl = useUiIntl()
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), [])
  const show = useCallback(
    (message: string, tone: Tone = 'success') => {
      const id = next.current++
      setToasts((all) => [...all.slice(-3), { id, tone, message }])
      window.setTimeout(() => dismiss(id), tone === 'error' ? 8000 : 4000)
    },
    [dismiss],
  )
  const value = useMemo(() => ({ show }), [show])

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 top-3 z-50 flex flex-col items-center gap-2 px-4 sm:top-auto sm:end-auto sm:bottom-6 sm:start-6 sm:items-start lg:start-64 lg:px-6"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl border border-zinc-200 bg-white py-3 pe-2 ps-4 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-800"
          >
            <Icon name={TONE_ICON[toast.tone]} className={`mt-0.5 size-[18px] shrink-0 ${TONE_CLASS[toast.tone]}`} />
            <p className="min-w-0 flex-1 py-0.5 break-words">{toast.message}</p>
            <IconButton
              icon="x"
              label={intl.formatMessage({ id: 'ui.toast.dismiss', defaultMessage: 'Dismiss' })}
              className="-my-1 size-8"
              onClick={() => dismiss(toast.id)}
            />
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}
