import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl'
import { ApiError } from '../api/client'
import {
  grant,
  groupDirectory,
  listGrants,
  revokeGrant,
  type Grant,
  type Grantee,
  type GrantObject,
  type Permission,
} from '../api/grants'
import { Button, IconButton } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { errorMessage, InlineError } from '../ui/ErrorNotice'
import { SelectField, TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { Spinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { useDialogSubmit } from '../ui/useDialogSubmit'
import { GranteeKindPicker, type GranteeKind } from './GranteeKindPicker'
import { permissionOptions, permissionText } from './permissions'

export interface ShareTarget {
  type: GrantObject
  id: string
  name: string
}

/** The server names the id it could not find; someone who typed an address needs to hear about the address. */
function addError(intl: IntlShape, error: unknown): unknown {
  if (error instanceof ApiError && error.status === 404) {
    return new Error(
      error.problem.detail?.includes('group')
        ? intl.formatMessage({ id: 'grants.dialog.groupGone', defaultMessage: 'That group no longer exists.' })
        : intl.formatMessage({
            id: 'grants.dialog.noAccount',
            defaultMessage: 'No active account uses this email address.',
          }),
    )
  }
  return error
}

function granteeOf(g: Grant): Grantee {
  return g.grantee_type === 'group' ? { group_id: g.grantee_id } : { user_id: g.grantee_id }
}

function granteeLabel(intl: IntlShape, g: Grant): string {
  if (g.grantee_name) return g.grantee_name
  return g.grantee_type === 'group'
    ? intl.formatMessage({ id: 'grants.dialog.deletedGroup', defaultMessage: 'A deleted group' })
    : intl.formatMessage({ id: 'grants.dialog.removedAccount', defaultMessage: 'A removed account' })
}

export function ShareDialog({ target, onClose }: { target: ShareTarget | null; onClose: () => void }) {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const key = ['grants', target?.type, target?.id]
  const grants = useQuery({
    queryKey: key,
    queryFn: () => listGrants(target!.type, target!.id),
    enabled: target !== null,
  })
  const [kind, setKind] = useState<GranteeKind>('user')
  const groups = useQuery({
    queryKey: ['group-directory'],
    queryFn: groupDirectory,
    enabled: target !== null && kind === 'group',
  })
  const [email, setEmail] = useState('')
  const [groupId, setGroupId] = useState('')
  const [permission, setPermission] = useState<Permission>('download')
  const openOn = target ? `${target.type}:${target.id}` : null
  const { busy, error, setError, run } = useDialogSubmit(openOn)
  const [changing, setChanging] = useState<string | null>(null)
  const [revoking, setRevoking] = useState<Grant | null>(null)
  const headingId = useId()

  useEffect(() => {
    if (!openOn) return
    setKind('user')
    setEmail('')
    setGroupId('')
    setPermission('download')
  }, [openOn])

  const groupOptions = groups.data ?? []
  const chosenGroup = groupId || groupOptions[0]?.id || ''
  const refresh = () => queries.invalidateQueries({ queryKey: key })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!target) return
    const grantee: Grantee = kind === 'user' ? { email: email.trim() } : { group_id: chosenGroup }
    await run(
      async () => {
        const created = await grant(target.type, target.id, grantee, permission)
        toast.show(
          created.grantee_name
            ? intl.formatMessage(
                { id: 'grants.dialog.sharedWith', defaultMessage: 'Shared with {name}' },
                { name: created.grantee_name },
              )
            : intl.formatMessage({ id: 'grants.dialog.sharedWithThem', defaultMessage: 'Shared with them' }),
        )
        setEmail('')
        await refresh()
      },
      { stayOpen: true, explain: (e) => addError(intl, e) },
    )
  }

  const change = async (g: Grant, next: Permission) => {
    if (!target) return
    setChanging(g.id)
    try {
      await grant(target.type, target.id, granteeOf(g), next)
      await refresh()
      toast.show(
        intl.formatMessage(
          {
            id: 'grants.dialog.changed',
            defaultMessage:
              '{name} {permission, select, view {can view} download {can download} edit {can edit} other {{permission}}}',
          },
          { name: granteeLabel(intl, g), permission: next },
        ),
      )
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setChanging(null)
    }
  }

  const revoke = async () => {
    if (!target || !revoking) return
    setChanging(revoking.id)
    try {
      await revokeGrant(target.type, target.id, revoking.id)
      toast.show(
        intl.formatMessage(
          { id: 'grants.dialog.removed', defaultMessage: 'Removed access for {name}' },
          { name: granteeLabel(intl, revoking) },
        ),
      )
      setRevoking(null)
      await refresh()
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setChanging(null)
    }
  }

  const canSubmit = kind === 'user' ? email.trim().length > 0 : chosenGroup !== ''
  const list = grants.data ?? []

  // The confirmation is a sibling, not a child: React bubbles a nested dialog's close event into its parent's onClose.
  return (
    <>
      <Dialog
        open={target !== null}
        onClose={onClose}
        title={
          target?.type === 'transfer'
            ? intl.formatMessage({ id: 'grants.dialog.titleTransfer', defaultMessage: 'Share transfer with people' })
            : intl.formatMessage({ id: 'grants.dialog.title', defaultMessage: 'Share with people' })
        }
        description={
          <>
            <span className="block truncate font-medium text-zinc-700 dark:text-zinc-300" title={target?.name}>
              {target?.name}
            </span>
            {target?.type === 'transfer' ? (
              <FormattedMessage
                id="grants.dialog.explainTransfer"
                defaultMessage="They sign in to Ferry and find it under Shared with me. Access ends when the transfer does."
              />
            ) : (
              <FormattedMessage
                id="grants.dialog.explain"
                defaultMessage="They sign in to Ferry and find it under Shared with me."
              />
            )}
          </>
        }
        footer={
          <Button onClick={onClose}>
            <FormattedMessage id="grants.dialog.done" defaultMessage="Done" />
          </Button>
        }
      >
        <form
          onSubmit={submit}
          className="space-y-3"
          aria-label={intl.formatMessage({ id: 'grants.dialog.addForm', defaultMessage: 'Add people or a group' })}
        >
          <GranteeKindPicker
            value={kind}
            onChange={(next) => {
              setKind(next)
              setError(null)
            }}
          />
          {kind === 'user' ? (
            <TextField
              label={intl.formatMessage({ id: 'grants.dialog.email', defaultMessage: 'Email address' })}
              type="email"
              autoComplete="off"
              placeholder={intl.formatMessage({
                id: 'grants.dialog.emailPlaceholder',
                defaultMessage: 'name@example.com',
              })}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          ) : groups.isPending ? (
            <p className="flex items-center gap-2 py-2 text-sm muted">
              <Spinner className="size-4" />
              <FormattedMessage id="grants.dialog.loadingGroups" defaultMessage="Loading groups" />
            </p>
          ) : groups.isError ? (
            <InlineError error={groups.error} />
          ) : groupOptions.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 px-3.5 py-2.5 text-sm muted dark:border-zinc-700">
              <FormattedMessage
                id="grants.dialog.noGroups"
                defaultMessage="No groups yet. An administrator creates them under Administration → Groups."
              />
            </p>
          ) : (
            <SelectField
              label={intl.formatMessage({ id: 'grants.dialog.group', defaultMessage: 'Group' })}
              value={chosenGroup}
              onChange={(e) => setGroupId(e.target.value)}
              options={groupOptions.map((g) => ({ value: g.id, label: g.name }))}
            />
          )}
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <SelectField
              label={intl.formatMessage({ id: 'grants.dialog.permission', defaultMessage: 'Permission' })}
              className="sm:flex-1"
              value={permission}
              onChange={(e) => setPermission(e.target.value as Permission)}
              options={permissionOptions(intl, 'Label')}
            />
            <Button type="submit" variant="primary" icon="plus" busy={busy} disabled={!canSubmit}>
              <FormattedMessage id="grants.dialog.share" defaultMessage="Share" />
            </Button>
          </div>
          <p className="text-xs muted">{permissionText(intl, permission, 'Hint')}</p>
          <InlineError error={error} />
        </form>

        <section aria-labelledby={headingId} className="mt-5 border-t border-zinc-200/80 pt-4 dark:border-zinc-800">
          <h3 id={headingId} className="mb-2 text-sm font-semibold">
            <FormattedMessage id="grants.dialog.whoHasAccess" defaultMessage="Who has access" />
          </h3>
          {grants.isPending ? (
            <div className="flex justify-center py-4 text-zinc-400">
              <Spinner
                className="size-5"
                label={intl.formatMessage({
                  id: 'grants.dialog.loadingAccess',
                  defaultMessage: 'Loading who has access',
                })}
              />
            </div>
          ) : grants.isError ? (
            <div className="space-y-2">
              <InlineError error={grants.error} />
              <Button size="sm" icon="refresh" onClick={() => void grants.refetch()}>
                <FormattedMessage id="grants.dialog.retry" defaultMessage="Try again" />
              </Button>
            </div>
          ) : list.length === 0 ? (
            <p className="py-2 text-sm muted">
              <FormattedMessage
                id="grants.dialog.onlyYou"
                defaultMessage="Only you, so far. Add a person or a group above."
              />
            </p>
          ) : (
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800/80">
              {list.map((g) => (
                <GrantRow
                  key={g.id}
                  grant={g}
                  busy={changing === g.id}
                  onChange={(p) => void change(g, p)}
                  onRevoke={() => setRevoking(g)}
                />
              ))}
            </ul>
          )}
        </section>
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={intl.formatMessage({ id: 'grants.revoke.title', defaultMessage: 'Remove access?' })}
        confirmLabel={intl.formatMessage({ id: 'grants.revoke.confirm', defaultMessage: 'Remove access' })}
        danger
        busy={revoking !== null && changing === revoking.id}
        onClose={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      >
        {revoking && (
          <FormattedMessage
            id="grants.revoke.body"
            defaultMessage="{name} no longer sees “{object}” under Shared with me and cannot download it."
            values={{ name: <bdi>{granteeLabel(intl, revoking)}</bdi>, object: <bdi>{target?.name ?? ''}</bdi> }}
          />
        )}
      </ConfirmDialog>
    </>
  )
}

function GrantRow({
  grant: g,
  busy,
  onChange,
  onRevoke,
}: {
  grant: Grant
  busy: boolean
  onChange: (p: Permission) => void
  onRevoke: () => void
}) {
  const intl = useIntl()
  const label = granteeLabel(intl, g)
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1.5 py-2.5">
      <span
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
        aria-hidden="true"
      >
        <Icon name={g.grantee_type === 'group' ? 'team' : 'user'} className="size-4" />
      </span>
      <div className="min-w-40 flex-1 basis-0">
        <p className="truncate text-sm font-medium" title={label}>
          {label}
        </p>
        <p className="text-xs muted">
          {g.grantee_type === 'group' ? (
            <FormattedMessage id="grants.row.group" defaultMessage="Group" />
          ) : (
            <FormattedMessage id="grants.row.person" defaultMessage="Person" />
          )}
        </p>
      </div>
      <div className="ms-auto flex items-center gap-1.5">
        {busy && <Spinner className="size-4 text-zinc-400" />}
        <SelectField
          label={intl.formatMessage(
            { id: 'grants.row.permissionFor', defaultMessage: 'Permission for {name}' },
            { name: label },
          )}
          hideLabel
          className="w-34 shrink-0"
          value={g.permission}
          disabled={busy}
          onChange={(e) => onChange(e.target.value as Permission)}
          options={permissionOptions(intl, 'Short')}
        />
        <IconButton
          icon="x"
          label={intl.formatMessage(
            { id: 'grants.row.removeFor', defaultMessage: 'Remove access for {name}' },
            { name: label },
          )}
          variant="danger-ghost"
          disabled={busy}
          onClick={onRevoke}
        />
      </div>
    </li>
  )
}
