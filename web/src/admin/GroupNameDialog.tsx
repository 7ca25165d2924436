import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { useEffect, useState, type FormEvent } from 'react'
import { createGroup, renameGroup, type Group } from '../api/groups'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { useToast } from '../ui/Toasts'
import { useDialogSubmit } from '../ui/useDialogSubmit'

/** Creates a group ('new') or renames one; null keeps it closed. */
const messages = defineMessages({
  create: { id: 'admin.groupName.create', defaultMessage: 'Create group' },
})

export function GroupNameDialog({
  group,
  onClose,
  onDone,
}: {
  group: Group | 'new' | null
  onClose: () => void
  onDone: () => void
}) {
  const intl = useIntl()
  const toast = useToast()
  const [name, setName] = useState('')
  const { busy, error, run } = useDialogSubmit(group)
  const creating = group === 'new'
  useEffect(() => {
    if (group === null) return
    setName(group === 'new' ? '' : group.name)
  }, [group])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (group === null) return
    await run(async () => {
      const saved = group === 'new' ? await createGroup(name.trim()) : await renameGroup(group.id, name.trim())
      toast.show(
        creating
          ? intl.formatMessage(
              { id: 'admin.groupName.created', defaultMessage: 'Created {name}' },
              { name: saved.name },
            )
          : intl.formatMessage(
              { id: 'admin.groupName.renamed', defaultMessage: 'Renamed to {name}' },
              { name: saved.name },
            ),
      )
      onDone()
      onClose()
    })
  }

  return (
    <Dialog
      open={group !== null}
      onClose={onClose}
      size="sm"
      title={
        creating
          ? intl.formatMessage(messages.create)
          : intl.formatMessage({ id: 'admin.groupName.renameTitle', defaultMessage: 'Rename group' })
      }
      description={
        creating
          ? intl.formatMessage({ id: 'admin.groupName.createHint', defaultMessage: 'You add members once it exists.' })
          : undefined
      }
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'admin.groupNameDialog.groupName', defaultMessage: 'Group name' })}
          required
          autoFocus
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>
            <FormattedMessage id="admin.groupNameDialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim()}>
            {creating ? (
              intl.formatMessage(messages.create)
            ) : (
              <FormattedMessage id="admin.groupName.save" defaultMessage="Save" />
            )}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
