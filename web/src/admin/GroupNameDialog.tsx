import { useEffect, useState, type FormEvent } from 'react'
import { createGroup, renameGroup, type Group } from '../api/groups'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { useToast } from '../ui/Toasts'

/** Creates a group ('new') or renames one; null keeps it closed. */
export function GroupNameDialog({
  group,
  onClose,
  onDone,
}: {
  group: Group | 'new' | null
  onClose: () => void
  onDone: () => void
}) {
  const toast = useToast()
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const creating = group === 'new'
  useEffect(() => {
    if (group === null) return
    setName(group === 'new' ? '' : group.name)
    setError(null)
    setBusy(false)
  }, [group])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (group === null) return
    setBusy(true)
    try {
      const saved = group === 'new' ? await createGroup(name.trim()) : await renameGroup(group.id, name.trim())
      toast.show(creating ? `Created ${saved.name}` : `Renamed to ${saved.name}`)
      onDone()
      onClose()
    } catch (e) {
      setError(e)
      setBusy(false)
    }
  }

  return (
    <Dialog
      open={group !== null}
      onClose={onClose}
      size="sm"
      title={creating ? 'Create group' : 'Rename group'}
      description={creating ? 'You add members once it exists.' : undefined}
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label="Group name"
          required
          autoFocus
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()}>
            {creating ? 'Create group' : 'Save'}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
