import { FormattedMessage } from 'react-intl'
import { getDroppedFiles } from '@uppy/core/utils'
import { useEffect, useRef, useState } from 'react'
import { Icon } from '../../ui/Icon'
import { folderName } from '../paths'

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files')
}

/** Files or folders dropped anywhere on the page go to the folder on screen. */
export function DropOverlay({ folder, onFiles }: { folder: string; onFiles: (files: File[]) => void }) {
  const [visible, setVisible] = useState(false)
  const depth = useRef(0)
  const onFilesRef = useRef(onFiles)
  onFilesRef.current = onFiles

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      depth.current += 1
      setVisible(true)
    }
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setVisible(false)
    }
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return
      event.preventDefault()
      depth.current = 0
      setVisible(false)
      void getDroppedFiles(event.dataTransfer).then((files) => files.length && onFilesRef.current(files))
    }
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragenter', enter)
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [])

  if (!visible) return null
  return (
    <div
      className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-accent-50/80 p-6 backdrop-blur-sm dark:bg-zinc-950/80"
      aria-hidden="true"
    >
      <div className="flex h-full w-full flex-col items-center justify-center rounded-3xl border-2 border-dashed border-accent-400 text-center dark:border-accent-500">
        <span className="mb-4 flex size-16 items-center justify-center rounded-2xl bg-accent-600 text-white shadow-lg">
          <Icon name="upload" className="size-8" />
        </span>
        <p className="text-xl font-semibold tracking-tight">
          <FormattedMessage id="files.drop.title" defaultMessage="Drop to upload" />
        </p>
        <p className="mt-1 muted">
          {folder === '/' ? (
            <FormattedMessage id="files.drop.toRoot" defaultMessage="Files and folders go to your files" />
          ) : (
            <FormattedMessage
              id="files.drop.toFolder"
              defaultMessage="Files and folders go to “{folder}”"
              values={{ folder: <bdi>{folderName(folder)}</bdi> }}
            />
          )}
        </p>
      </div>
    </div>
  )
}
