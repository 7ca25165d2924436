import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor, type NoMessageValues } from 'react-intl'
import { useNavigate, useSearchParams } from 'react-router'
import { ApiError } from '../api/client'
import { createFolder, deleteFolder, downloadFile, listFiles, updateFile, type SortField } from '../api/files'
import type { FileItem } from '../api/types'
import { Button, IconButton } from '../ui/Button'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { Breadcrumbs } from './Breadcrumbs'
import { DeleteDialog, MoveDialog, NewFolderDialog, RenameDialog } from './FileDialogs'
import { FileTable } from './FileTable'
import { FileToolbar } from './FileToolbar'
import { isFiltered, readView, toQuery, writeView, type FileView } from './filters'
import { childFolders, folderName, joinFolder, parentFolder } from './paths'
import { myUploadPolicy, policyRefusal } from '../api/uploadPolicy'
import { isQuarantined } from './scan'
import { SelectionBar } from './SelectionBar'
import { ShareDialog, type ShareTarget } from '../grants/ShareDialog'
import { CommentsDialog, type CommentTarget } from './CommentsDialog'
import { DropOverlay } from './uploads/DropOverlay'
import { ResumeNotice } from './uploads/ResumeNotice'
import { uploader } from './uploads/uploader'
import { UploadPanel } from './uploads/UploadPanel'
import { BulkProgress } from './BulkProgress'
import { useFileTags } from './fileTags'
import { TagDialog } from './TagDialog'
import { useBulkActions } from './useBulkActions'
import { VersionsDialog } from './VersionsDialog'

type Counted = { count: number; name: string }
const messages = defineMessages<{
  uploaded: { count: number }
  uploadsFailed: { count: number }
  refused: { name: string; reason: string }
  unnamedFile: NoMessageValues
  failure: { name: string; error: string }
  downloaded: Counted
  movedTo: { name: string; folder: string }
  renamedTo: { name: string | undefined }
  uploadFiles: NoMessageValues
  newFolder: NoMessageValues
  folderDeleted: { name: string }
  uploadFolder: NoMessageValues
}>({
  uploaded: {
    id: 'files.page.uploaded',
    defaultMessage: '{count, plural, one {Upload complete} other {Uploaded # files}}',
  },
  uploadsFailed: {
    id: 'files.page.uploadsFailed',
    defaultMessage:
      '{count, plural, one {# upload failed; retry from the uploads tray} other {# uploads failed; retry from the uploads tray}}',
  },
  refused: { id: 'files.page.refused', defaultMessage: '{name}: {reason}' },
  unnamedFile: { id: 'files.page.unnamedFile', defaultMessage: 'File' },
  failure: { id: 'files.page.failure', defaultMessage: '{name}: {error}' },
  downloaded: {
    id: 'files.page.downloaded',
    defaultMessage: '{count, plural, =1 {Downloaded {name}} one {Downloaded # file} other {Downloaded # files}}',
  },
  movedTo: { id: 'files.page.movedTo', defaultMessage: 'Moved {name} to {folder}' },
  renamedTo: { id: 'files.page.renamedTo', defaultMessage: 'Renamed to {name}' },
  uploadFiles: { id: 'files.page.uploadFiles', defaultMessage: 'Upload files' },
  newFolder: { id: 'files.page.newFolder', defaultMessage: 'New folder' },
  folderDeleted: { id: 'files.page.folderDeleted', defaultMessage: 'Deleted the folder {name}' },
  uploadFolder: { id: 'files.page.uploadFolder', defaultMessage: 'Upload folder' },
})

const shareTarget = (file: FileItem): ShareTarget => ({ type: 'file', id: file.id, name: file.name })

export function FilesPage() {
  const [params, setParams] = useSearchParams()
  const view = useMemo(() => readView(params), [params])
  const queries = useQueryClient()
  const navigate = useNavigate()
  const toast = useToast()
  const intl = useIntl()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [renaming, setRenaming] = useState<FileItem | null>(null)
  const [deleting, setDeleting] = useState<FileItem[]>([])
  const [moving, setMoving] = useState(false)
  const [creatingFolder, setCreatingFolder] = useState(false)
  const [sharing, setSharing] = useState<ShareTarget | null>(null)
  const [commenting, setCommenting] = useState<CommentTarget | null>(null)
  const [versionsOf, setVersionsOf] = useState<FileItem | null>(null)
  const [tagging, setTagging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  const setView = (change: Partial<FileView>) =>
    setParams(writeView({ ...view, ...change }), { replace: !('folder' in change) })
  const query = useMemo(() => toQuery(view), [view])
  const filtered = isFiltered(view)

  const listing = useInfiniteQuery({
    queryKey: ['files', query],
    queryFn: ({ pageParam, signal }) => listFiles({ ...query, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? null,
  })
  useEffect(() => setSelected(new Set()), [query])
  useEffect(() => {
    const refreshList = uploader().onCompleted(() => void queries.invalidateQueries({ queryKey: ['files'] }))
    const announce = uploader().onBatchDone(({ uploaded, failed }) => {
      if (uploaded > 0) toast.show(intl.formatMessage(messages.uploaded, { count: uploaded }))
      if (failed > 0) toast.show(intl.formatMessage(messages.uploadsFailed, { count: failed }), 'error')
    })
    return () => {
      refreshList()
      announce()
    }
  }, [queries, toast, intl])

  const files = useMemo(() => listing.data?.pages.flatMap((p) => p.items) ?? [], [listing.data])
  const folders = useMemo(
    () =>
      filtered
        ? []
        : // The first page names the folders directly in this one, empty ones included.
          childFolders(view.folder, listing.data?.pages[0]?.folders ?? []),
    [filtered, view.folder, listing.data],
  )
  const selectedFiles = files.filter((f) => selected.has(f.id))
  const onlySelected = selectedFiles.length === 1 ? selectedFiles[0] : undefined

  const policy = useQuery({ queryKey: ['upload-policy'], queryFn: myUploadPolicy, staleTime: 60_000 })
  const addFiles = (list: File[], folder = view.folder) => {
    const rules = policy.data ?? []
    const refusals = list.map((file) => policyRefusal(rules, file.name, file.size))
    refusals.forEach((refusal, i) => {
      if (refusal)
        toast.show(
          intl.formatMessage(messages.refused, {
            name: list[i]?.name ?? intl.formatMessage(messages.unnamedFile),
            reason: refusal,
          }),
          'error',
        )
    })
    const accepted = list.filter((_, i) => refusals[i] == null)
    if (accepted.length === 0) return
    uploader().add(accepted, folder)
  }
  const refresh = () => queries.invalidateQueries({ queryKey: ['files'] })
  const tags = useFileTags()
  const bulk = useBulkActions(() => setSelected(new Set()))
  const selectedIds = selectedFiles.map((f) => f.id)

  const runEach = async (
    items: FileItem[],
    action: (f: FileItem) => Promise<unknown>,
    doneMessage: MessageDescriptor,
  ) => {
    const failures: string[] = []
    for (const item of items) {
      try {
        await action(item)
      } catch (e) {
        failures.push(intl.formatMessage(messages.failure, { name: item.name, error: errorMessage(e) }))
      }
    }
    await refresh()
    setSelected(new Set())
    const done = items.length - failures.length
    if (done > 0) toast.show(intl.formatMessage(doneMessage, { count: done, name: items[0]?.name ?? '' }))
    if (failures.length) toast.show(failures.join('\n'), 'error')
  }

  const removeFolder = async (folder: string) => {
    try {
      await deleteFolder(folder)
    } catch (e) {
      // A folder shown only because the address names it (its last file moved away) is gone already.
      if (!(e instanceof ApiError && e.problem.type?.endsWith('/folder-not-found'))) {
        toast.show(errorMessage(e), 'error')
        return
      }
    }
    toast.show(intl.formatMessage(messages.folderDeleted, { name: folderName(folder) }))
    setView({ folder: parentFolder(folder), q: '' })
    await refresh()
  }

  const sortBy = (field: SortField) =>
    setView({
      sort: field,
      order: view.sort === field ? (view.order === 'asc' ? 'desc' : 'asc') : field === 'name' ? 'asc' : 'desc',
    })

  const download = (file: FileItem) => downloadFile(file).catch((e: unknown) => toast.show(errorMessage(e), 'error'))

  return (
    <>
      <PageHeader
        title={
          view.folder === '/'
            ? intl.formatMessage({ id: 'files.page.title', defaultMessage: 'Files' })
            : folderName(view.folder)
        }
        description={
          view.folder === '/' && !filtered ? (
            <FormattedMessage
              id="files.page.description"
              defaultMessage="Upload, organise and download your files. Everything is encrypted at rest."
            />
          ) : (
            <Breadcrumbs folder={view.folder} onNavigate={(folder) => setView({ folder, q: '' })} />
          )
        }
        actions={
          <>
            <IconButton
              icon="plus"
              label={intl.formatMessage(messages.newFolder)}
              variant="secondary"
              className="sm:hidden"
              onClick={() => setCreatingFolder(true)}
            />
            <IconButton
              icon="folderUp"
              label={intl.formatMessage(messages.uploadFolder)}
              variant="secondary"
              className="sm:hidden"
              onClick={() => folderInput.current?.click()}
            />
            <Button icon="plus" variant="ghost" className="max-sm:hidden" onClick={() => setCreatingFolder(true)}>
              {intl.formatMessage(messages.newFolder)}
            </Button>
            <Button icon="folderUp" className="max-sm:hidden" onClick={() => folderInput.current?.click()}>
              {intl.formatMessage(messages.uploadFolder)}
            </Button>
            <Button
              icon="upload"
              variant="primary"
              className="max-sm:flex-1"
              onClick={() => fileInput.current?.click()}
            >
              {intl.formatMessage(messages.uploadFiles)}
            </Button>
          </>
        }
      />
      <input
        ref={fileInput}
        type="file"
        multiple
        className="hidden"
        aria-label={intl.formatMessage({ id: 'files.page.chooseFiles', defaultMessage: 'Choose files to upload' })}
        data-testid="file-input"
        onChange={(e) => {
          addFiles(Array.from(e.target.files ?? []))
          e.target.value = ''
        }}
      />
      <input
        ref={(el) => {
          folderInput.current = el
          el?.setAttribute('webkitdirectory', '')
        }}
        type="file"
        multiple
        className="hidden"
        aria-label={intl.formatMessage({ id: 'files.page.chooseFolder', defaultMessage: 'Choose a folder to upload' })}
        onChange={(e) => {
          addFiles(Array.from(e.target.files ?? []))
          e.target.value = ''
        }}
      />

      <ResumeNotice onFiles={addFiles} />
      <FileToolbar view={view} onChange={setView} tags={tags.tags} />

      <div className="card mt-4 overflow-hidden">
        {bulk.job && <BulkProgress job={bulk.job} />}
        {selected.size > 0 && (
          <SelectionBar
            count={selected.size}
            onClear={() => setSelected(new Set())}
            onSend={() => void navigate('/transfers/new', { state: { fileIds: selectedFiles.map((f) => f.id) } })}
            onShare={onlySelected ? () => setSharing(shareTarget(onlySelected)) : undefined}
            onDownload={() => void runEach(selectedFiles, (f) => downloadFile(f), messages.downloaded)}
            onMove={() => setMoving(true)}
            onDelete={() => setDeleting(selectedFiles)}
            onTag={() => setTagging(true)}
            onZip={() => void bulk.zip(selectedIds)}
            quarantined={selectedFiles.some(isQuarantined)}
          />
        )}
        {listing.isPending ? (
          <PageSpinner label={intl.formatMessage({ id: 'files.page.loading', defaultMessage: 'Loading files' })} />
        ) : listing.isError ? (
          <ErrorNotice
            error={listing.error}
            title={intl.formatMessage({ id: 'files.page.loadError', defaultMessage: 'Could not load your files' })}
            onRetry={() => void listing.refetch()}
          />
        ) : files.length === 0 && folders.length === 0 ? (
          filtered ? (
            <EmptyState
              icon="search"
              title={intl.formatMessage({ id: 'files.page.noMatchTitle', defaultMessage: 'No matching files' })}
              action={
                <Button onClick={() => setView({ q: '', type: '', size: '', date: '', tag: '' })}>
                  <FormattedMessage id="files.page.clearFilters" defaultMessage="Clear filters" />
                </Button>
              }
            >
              <FormattedMessage
                id="files.page.noMatchBody"
                defaultMessage="Nothing in this folder matches your search and filters."
              />
            </EmptyState>
          ) : (
            <EmptyState
              icon="upload"
              title={
                view.folder === '/'
                  ? intl.formatMessage({
                      id: 'files.page.emptyRootTitle',
                      defaultMessage: 'Your files will appear here',
                    })
                  : intl.formatMessage({ id: 'files.page.emptyFolderTitle', defaultMessage: 'This folder is empty' })
              }
              action={
                <>
                  <Button variant="primary" icon="upload" onClick={() => fileInput.current?.click()}>
                    {intl.formatMessage(messages.uploadFiles)}
                  </Button>
                  {view.folder !== '/' && (
                    <Button icon="trash" onClick={() => void removeFolder(view.folder)}>
                      <FormattedMessage id="files.page.deleteFolder" defaultMessage="Delete folder" />
                    </Button>
                  )}
                </>
              }
            >
              <FormattedMessage
                id="files.page.emptyBody"
                defaultMessage="Drag files or folders anywhere onto this page, or choose them from your computer. Large uploads resume where they stopped."
              />
            </EmptyState>
          )
        ) : (
          <FileTable
            folders={folders}
            files={files}
            showFolderColumn={filtered}
            selected={selected}
            onToggle={(id) =>
              setSelected((current) => {
                const next = new Set(current)
                if (!next.delete(id)) next.add(id)
                return next
              })
            }
            onToggleAll={() =>
              setSelected((current) =>
                files.every((f) => current.has(f.id)) ? new Set() : new Set(files.map((f) => f.id)),
              )
            }
            sort={view.sort}
            order={view.order}
            onSort={sortBy}
            onOpenFolder={(folder) => setView({ folder })}
            onDownload={(file) => void download(file)}
            onRename={setRenaming}
            onShare={(file) => setSharing(shareTarget(file))}
            onComments={(file) => setCommenting({ type: 'files', id: file.id, name: file.name })}
            onDelete={(file) => setDeleting([file])}
            onVersions={setVersionsOf}
            tagsOf={tags.tagsOf}
            onTag={(tag) => setView({ tag })}
          />
        )}
        {listing.hasNextPage && (
          <div className="flex justify-center border-t border-zinc-200/80 p-3 dark:border-zinc-800">
            <Button variant="ghost" busy={listing.isFetchingNextPage} onClick={() => void listing.fetchNextPage()}>
              <FormattedMessage id="files.page.loadMore" defaultMessage="Load more" />
            </Button>
          </div>
        )}
      </div>

      <RenameDialog
        file={renaming}
        onClose={() => setRenaming(null)}
        onSave={async (file, change) => {
          await updateFile(file.id, change)
          await refresh()
          toast.show(
            change.folder
              ? intl.formatMessage(messages.movedTo, { name: file.name, folder: change.folder })
              : intl.formatMessage(messages.renamedTo, { name: change.name }),
          )
        }}
      />
      <MoveDialog
        count={selectedFiles.length}
        open={moving}
        onClose={() => setMoving(false)}
        onMove={(folder) => bulk.move(selectedIds, folder)}
      />
      <TagDialog
        count={selectedFiles.length}
        open={tagging}
        known={tags.tags}
        onClose={() => setTagging(false)}
        onTag={(tag) => bulk.tag(selectedIds, tag)}
      />
      <DeleteDialog
        files={deleting}
        onClose={() => setDeleting([])}
        onConfirm={async () => {
          await bulk.remove(deleting.map((f) => f.id)).catch((e: unknown) => toast.show(errorMessage(e), 'error'))
          setDeleting([])
        }}
      />
      <NewFolderDialog
        open={creatingFolder}
        onClose={() => setCreatingFolder(false)}
        onCreate={async (name) => {
          const path = joinFolder(view.folder, name)
          await createFolder(path).catch((e: unknown) => {
            if (!(e instanceof ApiError && e.problem.type?.endsWith('/folder-exists'))) throw e
          })
          setCreatingFolder(false)
          void refresh()
          setView({ folder: path, q: '' })
        }}
      />
      <ShareDialog target={sharing} onClose={() => setSharing(null)} />
      <CommentsDialog target={commenting} onClose={() => setCommenting(null)} />
      <VersionsDialog file={versionsOf} onClose={() => setVersionsOf(null)} />
      <DropOverlay folder={view.folder} onFiles={addFiles} />
      <UploadPanel />
    </>
  )
}
