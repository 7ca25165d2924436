import { FormattedMessage, useIntl } from 'react-intl'
import { Button, IconButton } from '../ui/Button'

/**
 * onShare is offered only when exactly one file is selected: grants are per file. A
 * selection holding a quarantined file cannot be sent, shared or downloaded.
 */
export function SelectionBar({
  count,
  onClear,
  onSend,
  onShare,
  onDownload,
  onMove,
  onDelete,
  onTag,
  onZip,
  quarantined = false,
}: {
  count: number
  quarantined?: boolean
  onClear: () => void
  onSend: () => void
  onShare?: (() => void) | undefined
  onDownload: () => void
  onMove: () => void
  onDelete: () => void
  onTag?: () => void
  onZip?: () => void
}) {
  const intl = useIntl()
  return (
    <div
      role="region"
      aria-label={intl.formatMessage({ id: 'files.selection.region', defaultMessage: 'Selected files' })}
      className="flex flex-wrap items-center gap-2 border-b border-accent-100 bg-accent-50/70 px-3 py-2 sm:px-4 dark:border-accent-900/50 dark:bg-accent-950/40"
    >
      <IconButton
        icon="x"
        label={intl.formatMessage({ id: 'files.selection.clear', defaultMessage: 'Clear selection' })}
        onClick={onClear}
        className="size-8"
      />
      <p className="me-auto text-sm font-medium" aria-live="polite">
        <FormattedMessage id="files.selection.count" defaultMessage="{count, number} selected" values={{ count }} />
        {quarantined && (
          <span className="ms-2 font-normal muted">
            <FormattedMessage id="files.selection.quarantined" defaultMessage="includes a quarantined file" />
          </span>
        )}
      </p>
      <Button size="sm" variant="ghost" icon="link" disabled={quarantined} onClick={onSend}>
        <FormattedMessage id="files.selection.send" defaultMessage="Send" />
      </Button>
      {onShare && (
        <Button size="sm" variant="ghost" icon="userPlus" disabled={quarantined} onClick={onShare}>
          <FormattedMessage id="files.selection.share" defaultMessage="Share" />
        </Button>
      )}
      <Button size="sm" variant="ghost" icon="download" disabled={quarantined} onClick={onDownload}>
        <FormattedMessage id="files.selection.download" defaultMessage="Download" />
      </Button>
      {onZip && (
        <Button size="sm" variant="ghost" icon="archive" disabled={quarantined} onClick={onZip}>
          <FormattedMessage id="files.selection.zip" defaultMessage="Download as ZIP" />
        </Button>
      )}
      {onTag && (
        <Button size="sm" variant="ghost" icon="plus" onClick={onTag}>
          <FormattedMessage id="files.selection.tag" defaultMessage="Add tag" />
        </Button>
      )}
      <Button size="sm" variant="ghost" icon="move" onClick={onMove}>
        <FormattedMessage id="files.selection.move" defaultMessage="Move" />
      </Button>
      <Button size="sm" variant="danger-ghost" icon="trash" onClick={onDelete}>
        <FormattedMessage id="files.selection.delete" defaultMessage="Delete" />
      </Button>
    </div>
  )
}
