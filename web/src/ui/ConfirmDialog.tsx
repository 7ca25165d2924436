import { useUiIntl } from '../i18n/current'
import type { ReactNode } from 'react'
import { Button } from './Button'
import { Dialog } from './Dialog'

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  busy = false,
  onConfirm,
  onClose,
}: {
  open: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  const intl = useUiIntl()
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      size="sm"
      description={children}
      footer={
        <>
          <Button onClick={onClose}>{intl.formatMessage({ id: 'ui.confirm.cancel', defaultMessage: 'Cancel' })}</Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm} autoFocus>
            {confirmLabel}
          </Button>
        </>
      }
    />
  )
}
