import { useEffect, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { FileItem } from '../api/types'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { useDialogSubmit } from '../ui/useDialogSubmit'
import { normalizeFolder } from './paths'

export function RenameDialog({
  file,
  onClose,
  onSave,
}: {
  file: FileItem | null
  onClose: () => void
  onSave: (file: FileItem, change: { name?: string; folder?: string }) => Promise<void>
}) {
  const [name, setName] = useState('')
  const [folder, setFolder] = useState('')
  const { busy, error, run } = useDialogSubmit(file)
  const intl = useIntl()

  useEffect(() => {
    if (!file) return
    setName(file.name)
    setFolder(file.folder)
  }, [file])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    const change: { name?: string; folder?: string } = {}
    if (name.trim() !== file.name) change.name = name.trim()
    if (normalizeFolder(folder) !== file.folder) change.folder = normalizeFolder(folder)
    if (!change.name && !change.folder) return onClose()
    await run(async () => {
      await onSave(file, change)
      onClose()
    })
  }

  return (
    <Dialog
      open={file !== null}
      onClose={onClose}
      title={intl.formatMessage({ id: 'files.rename.title', defaultMessage: 'Rename or move' })}
      description={intl.formatMessage({
        id: 'files.rename.description',
        defaultMessage: 'Change the name, or the folder to move the file into.',
      })}
    >
      <form id="rename-form" onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'files.rename.name', defaultMessage: 'Name' })}
          value={name}
          required
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={intl.formatMessage({ id: 'files.rename.folder', defaultMessage: 'Folder' })}
          value={folder}
          hint={intl.formatMessage({
            id: 'files.rename.folderHint',
            defaultMessage: 'For example /projects/2026. Missing folders are created.',
          })}
          onChange={(e) => setFolder(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>
            <FormattedMessage id="files.dialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()}>
            <FormattedMessage id="files.rename.save" defaultMessage="Save" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

export function MoveDialog({
  count,
  open,
  onClose,
  onMove,
}: {
  count: number
  open: boolean
  onClose: () => void
  onMove: (folder: string) => Promise<void>
}) {
  const [folder, setFolder] = useState('/')
  const { busy, error, run } = useDialogSubmit(open)
  const intl = useIntl()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      await onMove(normalizeFolder(folder))
      onClose()
    })
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage(
        { id: 'files.move.title', defaultMessage: '{count, plural, one {Move # file} other {Move # files}}' },
        { count },
      )}
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'files.move.destination', defaultMessage: 'Destination folder' })}
          value={folder}
          autoFocus
          hint={intl.formatMessage({
            id: 'files.move.destinationHint',
            defaultMessage: 'For example /archive. Missing folders are created.',
          })}
          onChange={(e) => setFolder(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>
            <FormattedMessage id="files.dialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            <FormattedMessage id="files.move.submit" defaultMessage="Move" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

export function NewFolderDialog({
  open,
  onClose,
  onCreate,
}: {
  open: boolean
  onClose: () => void
  /** Creates the folder; a rejection is shown in the dialog, which stays open. */
  onCreate: (name: string) => Promise<void>
}) {
  const [name, setName] = useState('')
  const { busy, error, run } = useDialogSubmit(open)
  const intl = useIntl()
  useEffect(() => {
    if (open) setName('')
  }, [open])
  const invalid = name.includes('/') || name.includes('\\')
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage({ id: 'files.newFolder.title', defaultMessage: 'New folder' })}
      description={intl.formatMessage({
        id: 'files.newFolder.description',
        defaultMessage: 'Creates an empty folder in this one.',
      })}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim() && !invalid) void run(() => onCreate(name.trim()))
        }}
        className="space-y-4 pb-2"
      >
        <TextField
          label={intl.formatMessage({ id: 'files.newFolder.name', defaultMessage: 'Folder name' })}
          value={name}
          autoFocus
          required
          error={
            invalid
              ? intl.formatMessage({
                  id: 'files.newFolder.invalid',
                  defaultMessage: 'A folder name cannot contain / or \\.',
                })
              : undefined
          }
          onChange={(e) => setName(e.target.value)}
        />
        <InlineError error={error} />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>
            <FormattedMessage id="files.dialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim() || invalid}>
            <FormattedMessage id="files.newFolder.create" defaultMessage="Create and open" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

export function DeleteDialog({
  files,
  onClose,
  onConfirm,
}: {
  files: FileItem[]
  onClose: () => void
  onConfirm: () => Promise<void>
}) {
  const [busy, setBusy] = useState(false)
  const intl = useIntl()
  useEffect(() => {
    if (files.length) setBusy(false)
  }, [files])
  const only = files.length === 1 ? files[0] : undefined
  return (
    <ConfirmDialog
      open={files.length > 0}
      title={
        only
          ? intl.formatMessage({ id: 'files.delete.titleOne', defaultMessage: 'Delete this file?' })
          : intl.formatMessage(
              {
                id: 'files.delete.titleMany',
                defaultMessage: '{count, plural, one {Delete # file?} other {Delete # files?}}',
              },
              { count: files.length },
            )
      }
      confirmLabel={intl.formatMessage({ id: 'files.delete.confirm', defaultMessage: 'Delete' })}
      danger
      busy={busy}
      onClose={onClose}
      onConfirm={async () => {
        setBusy(true)
        await onConfirm()
      }}
    >
      {only ? (
        <FormattedMessage
          id="files.delete.bodyOne"
          defaultMessage="<strong>{file}</strong> will be moved to the trash, where you can restore it until it is removed for good."
          values={{
            file: only.name,
            strong: (chunks) => <bdi className="font-medium break-all text-zinc-900 dark:text-zinc-100">{chunks}</bdi>,
          }}
        />
      ) : (
        <FormattedMessage
          id="files.delete.bodyMany"
          defaultMessage="These files will be moved to the trash, where you can restore them until they are removed for good."
        />
      )}
    </ConfirmDialog>
  )
}
