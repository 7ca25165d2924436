import { useUiIntl } from '../i18n/current'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { IconButton } from './Button'

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape, makes the page
 * behind inert and restores focus on close, so none of that is hand-made here.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = 'md',
}: {
  open: boolean
  onClose: () => void
  title: string
  description?: ReactNode
  children?: ReactNode
  footer?: ReactNode
  size?: 'sm' | 'md' | 'lg'
}) {
  const intl = useUiIntl()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  const width = size === 'sm' ? 'max-w-sm' : size === 'lg' ? 'max-w-2xl' : 'max-w-lg'
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose()
      }}
      className={`m-auto w-[calc(100%-2rem)] ${width} rounded-2xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      {open && (
        <div className="flex max-h-[85dvh] flex-col">
          <div className="flex items-start gap-4 px-6 pt-5">
            <div className="min-w-0 flex-1">
              <h2 id={titleId} className="text-lg font-semibold tracking-tight">
                {title}
              </h2>
              {description && (
                <div id={descriptionId} className="mt-1 text-sm muted">
                  {description}
                </div>
              )}
            </div>
            <IconButton
              icon="x"
              label={intl.formatMessage({ id: 'ui.dialog.close', defaultMessage: 'Close' })}
              onClick={onClose}
              className="-mt-1 -me-2"
            />
          </div>
          {children && <div className="overflow-y-auto px-6 pt-4 pb-2">{children}</div>}
          {footer && <div className="flex flex-wrap justify-end gap-2 px-6 pt-3 pb-5">{footer}</div>}
          {!footer && <div className="pb-4" />}
        </div>
      )}
    </dialog>
  )
}
