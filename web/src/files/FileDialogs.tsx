import { useEffect, useState, type FormEvent } from 'react'
import type { FileItem } from '../api/types'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (!file) return
    setName(file.name)
    setFolder(file.folder)
    setError(null)
    setBusy(false)
  }, [file])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    const change: { name?: string; folder?: string } = {}
    if (name.trim() !== file.name) change.name = name.trim()
    if (normalizeFolder(folder) !== file.folder) change.folder = normalizeFolder(folder)
    if (!change.name && !change.folder) return onClose()
    setBusy(true)
    try {
      await onSave(file, change)
      onClose()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={file !== null}
      onClose={onClose}
      title="Rename or move"
      description="Change the name, or the folder to move the file into."
    >
      <form id="rename-form" onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField label="Name" value={name} required autoFocus onChange={(e) => setName(e.target.value)} />
        <TextField
          label="Folder"
          value={folder}
          hint="For example /projects/2026. Missing folders are created."
          onChange={(e) => setFolder(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()}>
            Save
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (open) {
      setBusy(false)
      setError(null)
    }
  }, [open])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await onMove(normalizeFolder(folder))
      onClose()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Move ${count} ${count === 1 ? 'file' : 'files'}`}>
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label="Destination folder"
          value={folder}
          autoFocus
          hint="For example /archive. Missing folders are created."
          onChange={(e) => setFolder(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Move
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
  onCreate: (name: string) => void
}) {
  const [name, setName] = useState('')
  useEffect(() => {
    if (open) setName('')
  }, [open])
  const invalid = name.includes('/') || name.includes('\\')
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New folder"
      description="The folder appears once you upload files into it."
    >
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (name.trim() && !invalid) onCreate(name.trim())
        }}
        className="space-y-4 pb-2"
      >
        <TextField
          label="Folder name"
          value={name}
          autoFocus
          required
          error={invalid ? 'A folder name cannot contain / or \\.' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!name.trim() || invalid}>
            Create and open
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
  useEffect(() => {
    if (files.length) setBusy(false)
  }, [files])
  const only = files.length === 1 ? files[0] : undefined
  return (
    <ConfirmDialog
      open={files.length > 0}
      title={only ? 'Delete this file?' : `Delete ${files.length} files?`}
      confirmLabel="Delete"
      danger
      busy={busy}
      onClose={onClose}
      onConfirm={async () => {
        setBusy(true)
        await onConfirm()
      }}
    >
      {only ? (
        <>
          <span className="font-medium break-all text-zinc-900 dark:text-zinc-100">{only.name}</span> will be moved to
          the trash, where you can restore it until it is removed for good.
        </>
      ) : (
        'These files will be moved to the trash, where you can restore them until they are removed for good.'
      )}
    </ConfirmDialog>
  )
}
