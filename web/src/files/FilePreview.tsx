import { useIntl } from 'react-intl'
import { useEffect, useState } from 'react'
import { mayHavePreview, previewUrl } from '../api/files'
import { sharePreviewUrl } from '../api/share'
import type { FileItem } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { FileIcon } from './FileIcon'

/**
 * The file's preview as a small thumbnail where the server has one, else its type icon; a
 * click opens the preview larger in a lightbox. Previews are only ever PNG or JPEG from
 * the server, shown as images: nothing of the file itself is rendered in the page. With
 * `share`, the preview comes from that public share link (for links that show previews).
 */
export function FilePreview({
  file,
  share,
}: {
  file: Pick<FileItem, 'id' | 'name'> & { content_type?: string | null }
  share?: { token: string; session: string | null }
}) {
  const [url, setUrl] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const intl = useIntl()
  const token = share?.token
  const session = share?.session ?? null

  useEffect(() => {
    if (!mayHavePreview(file.content_type) || typeof URL.createObjectURL !== 'function') return
    const controller = new AbortController()
    let created: string | null = null
    const load = token
      ? sharePreviewUrl(token, file.id, session, controller.signal)
      : previewUrl(file.id, controller.signal)
    void load.then((found) => {
      created = found
      if (!controller.signal.aborted) setUrl(found)
    })
    return () => {
      controller.abort()
      if (created) URL.revokeObjectURL(created)
    }
  }, [file.id, file.content_type, token, session])

  if (!url) return <FileIcon name={file.name} contentType={file.content_type} />
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={intl.formatMessage(
          { id: 'files.preview.show', defaultMessage: 'Show a preview of {name}' },
          { name: file.name },
        )}
        className="size-9 shrink-0 overflow-hidden rounded-lg ring-1 ring-zinc-200 dark:ring-zinc-700"
      >
        <img src={url} alt="" className="size-full object-cover object-top" />
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={file.name} size="lg">
        <img
          src={url}
          alt={intl.formatMessage(
            { id: 'files.preview.alt', defaultMessage: 'Preview of {name}' },
            { name: file.name },
          )}
          className="mx-auto max-h-[70vh] max-w-full rounded-md"
        />
      </Dialog>
    </>
  )
}
