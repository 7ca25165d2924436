import { useEffect, useId, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../ui/Button'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { useDialogSubmit } from '../ui/useDialogSubmit'

/** Adds one tag to the selected files; existing tags are offered as suggestions. */
export function TagDialog({
  count,
  open,
  known,
  onClose,
  onTag,
}: {
  count: number
  open: boolean
  known: readonly string[]
  onClose: () => void
  onTag: (tag: string) => Promise<void>
}) {
  const [tag, setTag] = useState('')
  const { busy, error, run } = useDialogSubmit(open)
  const intl = useIntl()
  const suggestions = useId()

  useEffect(() => {
    if (open) setTag('')
  }, [open])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!tag.trim()) return
    await run(async () => {
      await onTag(tag.trim())
      onClose()
    })
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage(
        { id: 'files.tag.title', defaultMessage: '{count, plural, one {Tag # file} other {Tag # files}}' },
        { count },
      )}
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'files.tag.label', defaultMessage: 'Tag' })}
          value={tag}
          required
          autoFocus
          maxLength={64}
          list={suggestions}
          hint={intl.formatMessage({
            id: 'files.tag.hint',
            defaultMessage: 'Tags are yours alone. Filter the list by a tag, or click one on a file.',
          })}
          onChange={(e) => setTag(e.target.value)}
        />
        <datalist id={suggestions}>
          {known.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>
            <FormattedMessage id="files.dialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!tag.trim()}>
            <FormattedMessage id="files.tag.submit" defaultMessage="Add tag" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
