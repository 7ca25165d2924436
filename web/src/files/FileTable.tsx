import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import type { FileItem } from '../api/types'
import type { SortField } from '../api/files'
import { formatBytes, formatDateTime, formatRelative } from '../lib/format'
import { IconButton } from '../ui/Button'
import { Badge } from '../ui/Badge'
import { Checkbox } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { FolderIcon } from './FileIcon'
import { FilePreview } from './FilePreview'
import { folderName } from './paths'
import { piiLabel } from './pii'
import { isQuarantined, scanLabel } from './scan'

/** Between the size and the date on phones: punctuation, not words to translate. */
const SEPARATOR = '·'

const messages = defineMessages<
  Record<'quarantined' | 'download' | 'share' | 'comments' | 'versions' | 'rename' | 'delete', { name: string }>
>({
  quarantined: { id: 'files.table.quarantined', defaultMessage: '{name} is quarantined' },
  download: { id: 'files.table.download', defaultMessage: 'Download {name}' },
  share: { id: 'files.table.share', defaultMessage: 'Share {name} with people' },
  comments: { id: 'files.table.comments', defaultMessage: 'Comments on {name}' },
  versions: { id: 'files.table.versions', defaultMessage: 'Versions of {name}' },
  rename: { id: 'files.table.rename', defaultMessage: 'Rename or move {name}' },
  delete: { id: 'files.table.delete', defaultMessage: 'Delete {name}' },
})

interface Props {
  folders: string[]
  files: FileItem[]
  showFolderColumn: boolean
  selected: ReadonlySet<string>
  onToggle: (id: string) => void
  onToggleAll: () => void
  sort: SortField
  order: 'asc' | 'desc'
  onSort: (field: SortField) => void
  onOpenFolder: (path: string) => void
  onDownload: (file: FileItem) => void
  onRename: (file: FileItem) => void
  onShare: (file: FileItem) => void
  onDelete: (file: FileItem) => void
  onComments?: (file: FileItem) => void
  onVersions?: (file: FileItem) => void
  tagsOf?: (id: string) => readonly string[]
  onTag?: (tag: string) => void
}

function SortHeader({
  field,
  label,
  sort,
  order,
  onSort,
  className = '',
}: {
  field: SortField
  label: string
  sort: SortField
  order: 'asc' | 'desc'
  onSort: (f: SortField) => void
  className?: string
}) {
  const active = sort === field
  return (
    <th
      scope="col"
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={`px-3 py-2.5 font-medium ${className}`}
    >
      <button
        type="button"
        onClick={() => onSort(field)}
        className="-mx-1.5 inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 hover:text-zinc-900 dark:hover:text-zinc-100"
      >
        {label}
        <Icon
          name={active && order === 'desc' ? 'arrowDown' : 'arrowUp'}
          className={`size-3.5 ${active ? '' : 'opacity-0'}`}
        />
      </button>
    </th>
  )
}

export function FileTable(props: Props) {
  const { folders, files, selected } = props
  const allSelected = files.length > 0 && files.every((f) => selected.has(f.id))
  const someSelected = !allSelected && files.some((f) => selected.has(f.id))
  const intl = useIntl()
  return (
    <table className="w-full table-fixed text-start text-[15px]">
      <thead className="border-b border-zinc-200/80 text-[13px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <tr>
          <th scope="col" className="w-12 py-2.5 ps-4 sm:ps-5">
            <Checkbox
              label={
                allSelected
                  ? intl.formatMessage({ id: 'files.table.clearSelection', defaultMessage: 'Clear selection' })
                  : intl.formatMessage({ id: 'files.table.selectAll', defaultMessage: 'Select all files' })
              }
              checked={allSelected}
              ref={(el) => {
                if (el) el.indeterminate = someSelected
              }}
              disabled={files.length === 0}
              onChange={props.onToggleAll}
            />
          </th>
          <SortHeader
            field="name"
            label={intl.formatMessage({ id: 'files.table.name', defaultMessage: 'Name' })}
            {...props}
          />
          <SortHeader
            field="size"
            label={intl.formatMessage({ id: 'files.table.size', defaultMessage: 'Size' })}
            className="hidden w-28 sm:table-cell"
            {...props}
          />
          <SortHeader
            field="created_at"
            label={intl.formatMessage({ id: 'files.table.added', defaultMessage: 'Added' })}
            className="hidden w-44 md:table-cell"
            {...props}
          />
          <th scope="col" className="w-14 py-2.5 pe-4 sm:w-56 sm:pe-5">
            <span className="sr-only">
              <FormattedMessage id="files.table.actions" defaultMessage="Actions" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/80">
        {folders.map((path) => (
          <tr key={`folder:${path}`} className="group hover:bg-zinc-50 dark:hover:bg-zinc-800/40">
            <td className="py-2.5 ps-4 sm:ps-5" />
            <td className="px-3 py-2.5" colSpan={1}>
              <button
                type="button"
                onClick={() => props.onOpenFolder(path)}
                className="flex w-full min-w-0 items-center gap-3 rounded-md text-start"
              >
                <FolderIcon />
                <span className="truncate font-medium" title={folderName(path)}>
                  {folderName(path)}
                </span>
              </button>
            </td>
            <td className="hidden px-3 py-2.5 text-sm muted sm:table-cell">
              <FormattedMessage id="files.table.folder" defaultMessage="Folder" />
            </td>
            <td className="hidden px-3 py-2.5 md:table-cell" />
            <td className="py-2.5 pe-4 text-end sm:pe-5">
              <Icon name="chevronRight" className="ms-auto size-4 text-zinc-400 rtl:-scale-x-100" />
            </td>
          </tr>
        ))}
        {files.map((file) => {
          const isSelected = selected.has(file.id)
          const scan = scanLabel(file, intl)
          const pii = piiLabel(file, intl)
          const quarantined = isQuarantined(file)
          return (
            <tr
              key={file.id}
              className={
                isSelected ? 'bg-accent-50/60 dark:bg-accent-950/30' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40'
              }
            >
              <td className="py-2.5 ps-4 sm:ps-5">
                <Checkbox
                  label={intl.formatMessage(
                    { id: 'files.table.selectFile', defaultMessage: 'Select {name}' },
                    { name: file.name },
                  )}
                  checked={isSelected}
                  onChange={() => props.onToggle(file.id)}
                />
              </td>
              <td className="px-3 py-2.5">
                <div className="flex min-w-0 items-center gap-3">
                  <FilePreview file={file} />
                  <div className="min-w-0">
                    <p className="flex min-w-0 items-center gap-2">
                      <span className="truncate font-medium" title={file.name}>
                        {file.name}
                      </span>
                      {scan && (
                        <span title={scan.title} className="min-w-0 shrink truncate">
                          <Badge tone={scan.tone}>{scan.text}</Badge>
                        </span>
                      )}
                      {pii && (
                        <span title={pii.title} className="min-w-0 shrink truncate">
                          <Badge tone="amber">{pii.text}</Badge>
                          <span className="sr-only">{pii.title}</span>
                        </span>
                      )}
                      {props.tagsOf?.(file.id).map((tag) => {
                        const label = intl.formatMessage(
                          { id: 'files.table.filterTag', defaultMessage: 'Show files tagged {tag}' },
                          { tag },
                        )
                        return (
                          <button
                            key={tag}
                            type="button"
                            className="min-w-0 shrink truncate rounded-full"
                            aria-label={label}
                            title={label}
                            onClick={() => props.onTag?.(tag)}
                          >
                            <Badge tone="accent">{tag}</Badge>
                          </button>
                        )
                      })}
                    </p>
                    <p className="truncate text-[13px] muted" title={file.path}>
                      <span className="sm:hidden">
                        {formatBytes(file.size)}
                        <span aria-hidden="true" className="mx-1">
                          {SEPARATOR}
                        </span>
                      </span>
                      {props.showFolderColumn ? (
                        file.folder
                      ) : (
                        <span className="sm:hidden">{formatRelative(file.created_at)}</span>
                      )}
                    </p>
                  </div>
                </div>
              </td>
              <td className="hidden px-3 py-2.5 text-sm whitespace-nowrap tabular-nums muted sm:table-cell">
                {formatBytes(file.size)}
              </td>
              <td
                className="hidden px-3 py-2.5 text-sm whitespace-nowrap muted md:table-cell"
                title={formatDateTime(file.created_at)}
              >
                {formatRelative(file.created_at)}
              </td>
              <td className="py-2 pe-3 sm:pe-4">
                <div className="flex justify-end gap-0.5">
                  <IconButton
                    icon="download"
                    label={
                      quarantined
                        ? intl.formatMessage(messages.quarantined, { name: file.name })
                        : intl.formatMessage(messages.download, { name: file.name })
                    }
                    disabled={quarantined}
                    onClick={() => props.onDownload(file)}
                  />
                  <IconButton
                    icon="userPlus"
                    label={
                      quarantined
                        ? intl.formatMessage(messages.quarantined, { name: file.name })
                        : intl.formatMessage(messages.share, { name: file.name })
                    }
                    className="max-sm:hidden"
                    disabled={quarantined}
                    onClick={() => props.onShare(file)}
                  />
                  {props.onComments && (
                    <IconButton
                      icon="list"
                      label={intl.formatMessage(messages.comments, { name: file.name })}
                      className="max-sm:hidden"
                      onClick={() => props.onComments?.(file)}
                    />
                  )}
                  {props.onVersions && (
                    <IconButton
                      icon="clock"
                      label={intl.formatMessage(messages.versions, { name: file.name })}
                      className="max-sm:hidden"
                      onClick={() => props.onVersions?.(file)}
                    />
                  )}
                  <IconButton
                    icon="pencil"
                    label={intl.formatMessage(messages.rename, { name: file.name })}
                    className="max-sm:hidden"
                    onClick={() => props.onRename(file)}
                  />
                  <IconButton
                    icon="trash"
                    label={intl.formatMessage(messages.delete, { name: file.name })}
                    className="max-sm:hidden"
                    variant="danger-ghost"
                    onClick={() => props.onDelete(file)}
                  />
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
