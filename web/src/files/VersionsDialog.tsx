import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { FileItem } from '../api/types'
import { downloadVersion, listVersions, restoreVersion, type FileVersion } from '../api/versions'
import { formatBytes, formatDateTime, formatRelative } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button, IconButton } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

/**
 * A file's versions, newest first: download any of them, or restore an older one (the
 * server keeps the content it replaces as a new version, so a restore loses nothing).
 * The confirmation opens on top of this dialog: closing this one would report a close
 * to the page, which forgets the file.
 */
export function VersionsDialog({ file, onClose }: { file: FileItem | null; onClose: () => void }) {
  const intl = useIntl()
  const toast = useToast()
  const queries = useQueryClient()
  const [restoring, setRestoring] = useState<FileVersion | null>(null)
  const [busy, setBusy] = useState(false)
  const versions = useQuery({
    queryKey: ['files', 'versions', file?.id],
    queryFn: () => listVersions(file?.id ?? ''),
    enabled: file !== null,
  })

  const download = (version: FileVersion) =>
    downloadVersion(file?.id ?? '', version.version).catch((e: unknown) => toast.show(errorMessage(e), 'error'))

  const restore = async () => {
    if (!file || !restoring) return
    setBusy(true)
    try {
      await restoreVersion(file.id, restoring.version)
      toast.show(
        intl.formatMessage(
          { id: 'files.versions.restored', defaultMessage: 'Restored version {version} of {name}' },
          { version: restoring.version, name: file.name },
        ),
      )
      setRestoring(null)
      await queries.invalidateQueries({ queryKey: ['files'] })
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Dialog
        open={file !== null}
        onClose={onClose}
        size="lg"
        title={intl.formatMessage(
          { id: 'files.versions.title', defaultMessage: 'Versions of {name}' },
          { name: file?.name ?? '' },
        )}
        description={
          <FormattedMessage
            id="files.versions.description"
            defaultMessage="Uploading to the same name keeps the previous content as a version. Restoring one keeps the current content too."
          />
        }
        footer={
          <>
            <Button icon="refresh" busy={versions.isFetching} onClick={() => void versions.refetch()}>
              <FormattedMessage id="files.versions.refresh" defaultMessage="Refresh" />
            </Button>
            <Button variant="primary" onClick={onClose}>
              <FormattedMessage id="files.versions.close" defaultMessage="Close" />
            </Button>
          </>
        }
      >
        {versions.isPending ? (
          <PageSpinner
            label={intl.formatMessage({ id: 'files.versions.loading', defaultMessage: 'Loading versions' })}
          />
        ) : versions.isError ? (
          <ErrorNotice
            error={versions.error}
            title={intl.formatMessage({
              id: 'files.versions.loadError',
              defaultMessage: 'Could not load the versions',
            })}
            onRetry={() => void versions.refetch()}
          />
        ) : (
          <ul
            className="divide-y divide-zinc-100 dark:divide-zinc-800/80"
            aria-label={intl.formatMessage({ id: 'files.versions.list', defaultMessage: 'Versions' })}
          >
            {versions.data.map((version) => (
              <li key={version.version} className="flex items-center gap-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <p className="flex items-center gap-2 font-medium">
                    <FormattedMessage
                      id="files.versions.number"
                      defaultMessage="Version {version, number}"
                      values={{ version: version.version }}
                    />
                    {version.current && (
                      <Badge tone="accent">
                        <FormattedMessage id="files.versions.current" defaultMessage="Current" />
                      </Badge>
                    )}
                  </p>
                  <p className="text-[13px] muted" title={formatDateTime(version.created_at)}>
                    <FormattedMessage
                      id="files.versions.detail"
                      defaultMessage="{size} · uploaded {when}"
                      values={{ size: formatBytes(version.size), when: formatRelative(version.created_at) }}
                    />
                  </p>
                  <p className="truncate text-[13px] muted" title={version.uploaded_by?.email}>
                    {version.uploaded_by ? (
                      <FormattedMessage
                        id="files.versions.uploadedBy"
                        defaultMessage="by {who}"
                        values={{ who: version.uploaded_by.name || version.uploaded_by.email }}
                      />
                    ) : (
                      <FormattedMessage id="files.versions.uploaderUnknown" defaultMessage="uploader unknown" />
                    )}
                  </p>
                </div>
                <IconButton
                  icon="download"
                  label={intl.formatMessage(
                    { id: 'files.versions.download', defaultMessage: 'Download version {version, number}' },
                    { version: version.version },
                  )}
                  onClick={() => void download(version)}
                />
                {!version.current && (
                  <Button size="sm" icon="refresh" onClick={() => setRestoring(version)}>
                    <FormattedMessage id="files.versions.restore" defaultMessage="Restore" />
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Dialog>
      <ConfirmDialog
        open={restoring !== null}
        title={intl.formatMessage(
          { id: 'files.versions.confirmTitle', defaultMessage: 'Restore version {version, number}?' },
          { version: restoring?.version ?? 0 },
        )}
        confirmLabel={intl.formatMessage({ id: 'files.versions.confirmRestore', defaultMessage: 'Restore version' })}
        busy={busy}
        onConfirm={() => void restore()}
        onClose={() => setRestoring(null)}
      >
        <FormattedMessage
          id="files.versions.confirmBody"
          defaultMessage="{name} gets this version's content as its newest version. The current content stays in the list."
          values={{ name: <bdi>{file?.name}</bdi> }}
        />
      </ConfirmDialog>
    </>
  )
}
