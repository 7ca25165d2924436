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
}) {
  return (
    <div
      role="region"
      aria-label="Selected files"
      className="flex flex-wrap items-center gap-2 border-b border-accent-100 bg-accent-50/70 px-3 py-2 sm:px-4 dark:border-accent-900/50 dark:bg-accent-950/40"
    >
      <IconButton icon="x" label="Clear selection" onClick={onClear} className="size-8" />
      <p className="mr-auto text-sm font-medium" aria-live="polite">
        {count} selected
        {quarantined && <span className="ml-2 font-normal muted">includes a quarantined file</span>}
      </p>
      <Button size="sm" variant="ghost" icon="link" disabled={quarantined} onClick={onSend}>
        Send
      </Button>
      {onShare && (
        <Button size="sm" variant="ghost" icon="userPlus" disabled={quarantined} onClick={onShare}>
          Share
        </Button>
      )}
      <Button size="sm" variant="ghost" icon="download" disabled={quarantined} onClick={onDownload}>
        Download
      </Button>
      <Button size="sm" variant="ghost" icon="move" onClick={onMove}>
        Move
      </Button>
      <Button size="sm" variant="danger-ghost" icon="trash" onClick={onDelete}>
        Delete
      </Button>
    </div>
  )
}
