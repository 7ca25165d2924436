import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { listFiles } from '../api/files'
import { FileIcon } from '../files/FileIcon'
import { uploader } from '../files/uploads/uploader'
import { formatBytes } from '../lib/format'
import { Button } from '../ui/Button'
import { Checkbox } from '../ui/Field'
import { Spinner } from '../ui/Spinner'

/** Where files uploaded straight from the new-transfer form land in the library. */
export const TRANSFER_UPLOAD_FOLDER = '/Transfers'

/** Whether a file the library lists is the upload of `uploaded`: the server numbers a name that is taken ("a (1).pdf"). */
export function landedAs(uploaded: string, listed: string): boolean {
  if (uploaded === listed) return true
  const dot = uploaded.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [uploaded.slice(0, dot), uploaded.slice(dot)] : [uploaded, '']
  if (!listed.startsWith(`${stem} (`) || !listed.endsWith(`)${ext}`)) return false
  return /^\d+$/.test(listed.slice(stem.length + 2, listed.length - ext.length - 1))
}

/** Picks files of the library; new files go through the ordinary upload tray and are picked when they land. */
export function FilePicker({ selected, onChange }: { selected: Set<string>; onChange: (next: Set<string>) => void }) {
  const intl = useIntl()
  const [filter, setFilter] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const queries = useQueryClient()
  const awaited = useRef(new Map<string, number>())
  const library = useQuery({
    queryKey: ['files', 'picker'],
    queryFn: ({ signal }) =>
      listFiles({ folder: '/', recursive: true, sort: 'created_at', order: 'desc', limit: 500 }, signal),
  })
  const files = useMemo(() => library.data?.items ?? [], [library.data])
  const selectedRef = useRef(selected)
  selectedRef.current = selected

  useEffect(
    () =>
      uploader().onCompleted(() => {
        void queries.invalidateQueries({ queryKey: ['files'] })
      }),
    [queries],
  )
  useEffect(() => {
    if (awaited.current.size === 0) return
    const next = new Set(selectedRef.current)
    let found = false
    for (const [name, since] of awaited.current) {
      const landed = files.find(
        (f) => f.folder === TRANSFER_UPLOAD_FOLDER && landedAs(name, f.name) && Date.parse(f.created_at) >= since,
      )
      if (!landed) continue
      next.add(landed.id)
      awaited.current.delete(name)
      found = true
    }
    if (found) onChange(next)
  }, [files, onChange])

  const shown = filter ? files.filter((f) => f.path.toLowerCase().includes(filter.toLowerCase())) : files
  const toggle = (id: string) => {
    const next = new Set(selected)
    if (!next.delete(id)) next.add(id)
    onChange(next)
  }

  return (
    <fieldset>
      <legend className="label">
        <FormattedMessage id="transfers.picker.legend" defaultMessage="Files" />
      </legend>
      <div className="flex gap-2">
        <input
          type="search"
          className="field"
          placeholder={intl.formatMessage({ id: 'transfers.picker.filter', defaultMessage: 'Filter your files' })}
          aria-label={intl.formatMessage({ id: 'transfers.picker.filter', defaultMessage: 'Filter your files' })}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <Button icon="upload" onClick={() => input.current?.click()}>
          <FormattedMessage id="transfers.picker.upload" defaultMessage="Upload new" />
        </Button>
        <input
          ref={input}
          type="file"
          multiple
          className="hidden"
          aria-label={intl.formatMessage({
            id: 'transfers.picker.uploadInput',
            defaultMessage: 'Upload new files for this transfer',
          })}
          data-testid="transfer-file-input"
          onChange={(e) => {
            const list = Array.from(e.target.files ?? [])
            // The server's clock may lag a little behind this one: allow a minute.
            for (const f of list) awaited.current.set(f.name, Date.now() - 60_000)
            if (list.length) uploader().add(list, TRANSFER_UPLOAD_FOLDER, 'rename')
            e.target.value = ''
          }}
        />
      </div>
      <div className="mt-2 max-h-56 overflow-y-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        {library.isPending ? (
          <div className="flex justify-center p-4">
            <Spinner className="size-5" />
          </div>
        ) : shown.length === 0 ? (
          <p className="p-4 text-sm muted">
            {files.length === 0 ? (
              <FormattedMessage
                id="transfers.picker.emptyLibrary"
                defaultMessage="Your library is empty: upload files for this transfer."
              />
            ) : (
              <FormattedMessage id="transfers.picker.noMatch" defaultMessage="No file matches." />
            )}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {shown.map((f) => (
              <li key={f.id}>
                <label className="flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-zinc-50 dark:hover:bg-zinc-800/60">
                  <Checkbox
                    label={intl.formatMessage(
                      { id: 'transfers.picker.send', defaultMessage: 'Send {name}' },
                      { name: f.name },
                    )}
                    checked={selected.has(f.id)}
                    onChange={() => toggle(f.id)}
                  />
                  <FileIcon name={f.name} contentType={f.content_type} />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate text-sm font-medium">{f.name}</span>
                    <span className="block truncate text-xs muted" dir="ltr">
                      {f.folder}
                    </span>
                  </span>
                  <span className="text-sm muted tabular-nums" dir="ltr">
                    {formatBytes(f.size)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="mt-1.5 text-sm muted" aria-live="polite">
        <FormattedMessage
          id="transfers.picker.selected"
          defaultMessage="{count, plural, one {# file selected} other {# files selected}}"
          values={{ count: selected.size }}
        />
      </p>
    </fieldset>
  )
}
