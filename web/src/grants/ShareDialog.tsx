import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import {
  grant,
  groupDirectory,
  listGrants,
  PERMISSIONS,
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
import { GranteeKindPicker, type GranteeKind } from './GranteeKindPicker'

export interface ShareTarget {
  type: GrantObject
  id: string
  name: string
}

const OPTIONS = PERMISSIONS.map((p) => ({ value: p.value, label: p.label }))
const SHORT = PERMISSIONS.map((p) => ({ value: p.value, label: p.short }))

/** The server names the id it could not find; someone who typed an address needs to hear about the address. */
function addError(error: unknown): unknown {
  if (error instanceof ApiError && error.status === 404) {
    return new Error(
      error.problem.detail?.includes('group')
        ? 'That group no longer exists.'
        : 'No active account uses this email address.',
    )
  }
  return error
}

function granteeOf(g: Grant): Grantee {
  return g.grantee_type === 'group' ? { group_id: g.grantee_id } : { user_id: g.grantee_id }
}

function granteeLabel(g: Grant): string {
  return g.grantee_name ?? (g.grantee_type === 'group' ? 'A deleted group' : 'A removed account')
}

export function ShareDialog({ target, onClose }: { target: ShareTarget | null; onClose: () => void }) {
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [changing, setChanging] = useState<string | null>(null)
  const [revoking, setRevoking] = useState<Grant | null>(null)
  const headingId = useId()

  const openOn = target ? `${target.type}:${target.id}` : null
  useEffect(() => {
    if (!openOn) return
    setKind('user')
    setEmail('')
    setGroupId('')
    setPermission('download')
    setError(null)
    setBusy(false)
  }, [openOn])

  const groupOptions = groups.data ?? []
  const chosenGroup = groupId || groupOptions[0]?.id || ''
  const refresh = () => queries.invalidateQueries({ queryKey: key })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!target) return
    const grantee: Grantee = kind === 'user' ? { email: email.trim() } : { group_id: chosenGroup }
    setBusy(true)
    setError(null)
    try {
      const created = await grant(target.type, target.id, grantee, permission)
      toast.show(`Shared with ${created.grantee_name ?? 'them'}`)
      setEmail('')
      await refresh()
    } catch (e) {
      setError(addError(e))
    } finally {
      setBusy(false)
    }
  }

  const change = async (g: Grant, next: Permission) => {
    if (!target) return
    setChanging(g.id)
    try {
      await grant(target.type, target.id, granteeOf(g), next)
      await refresh()
      toast.show(`${granteeLabel(g)} ${PERMISSIONS.find((p) => p.value === next)?.label.toLowerCase()}`)
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
      toast.show(`Removed access for ${granteeLabel(revoking)}`)
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
        title={target?.type === 'transfer' ? 'Share transfer with people' : 'Share with people'}
        description={
          <>
            <span className="block truncate font-medium text-zinc-700 dark:text-zinc-300" title={target?.name}>
              {target?.name}
            </span>
            They sign in to Ferry and find it under Shared with me.
            {target?.type === 'transfer' ? ' Access ends when the transfer does.' : ''}
          </>
        }
        footer={<Button onClick={onClose}>Done</Button>}
      >
        <form onSubmit={submit} className="space-y-3" aria-label="Add people or a group">
          <GranteeKindPicker
            value={kind}
            onChange={(next) => {
              setKind(next)
              setError(null)
            }}
          />
          {kind === 'user' ? (
            <TextField
              label="Email address"
              type="email"
              autoComplete="off"
              placeholder="name@example.com"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          ) : groups.isPending ? (
            <p className="flex items-center gap-2 py-2 text-sm muted">
              <Spinner className="size-4" /> Loading groups
            </p>
          ) : groups.isError ? (
            <InlineError error={groups.error} />
          ) : groupOptions.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 px-3.5 py-2.5 text-sm muted dark:border-zinc-700">
              No groups yet. An administrator creates them under Administration → Groups.
            </p>
          ) : (
            <SelectField
              label="Group"
              value={chosenGroup}
              onChange={(e) => setGroupId(e.target.value)}
              options={groupOptions.map((g) => ({ value: g.id, label: g.name }))}
            />
          )}
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <SelectField
              label="Permission"
              className="sm:flex-1"
              value={permission}
              onChange={(e) => setPermission(e.target.value as Permission)}
              options={OPTIONS}
            />
            <Button type="submit" variant="primary" icon="plus" busy={busy} disabled={!canSubmit}>
              Share
            </Button>
          </div>
          <p className="text-xs muted">{PERMISSIONS.find((p) => p.value === permission)?.hint}.</p>
          <InlineError error={error} />
        </form>

        <section aria-labelledby={headingId} className="mt-5 border-t border-zinc-200/80 pt-4 dark:border-zinc-800">
          <h3 id={headingId} className="mb-2 text-sm font-semibold">
            Who has access
          </h3>
          {grants.isPending ? (
            <div className="flex justify-center py-4 text-zinc-400">
              <Spinner className="size-5" label="Loading who has access" />
            </div>
          ) : grants.isError ? (
            <div className="space-y-2">
              <InlineError error={grants.error} />
              <Button size="sm" icon="refresh" onClick={() => void grants.refetch()}>
                Try again
              </Button>
            </div>
          ) : list.length === 0 ? (
            <p className="py-2 text-sm muted">Only you, so far. Add a person or a group above.</p>
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
        title="Remove access?"
        confirmLabel="Remove access"
        danger
        busy={revoking !== null && changing === revoking.id}
        onClose={() => setRevoking(null)}
        onConfirm={() => void revoke()}
      >
        {revoking
          ? `${granteeLabel(revoking)} no longer sees “${target?.name ?? ''}” under Shared with me and cannot download it.`
          : ''}
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
  const label = granteeLabel(g)
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
        <p className="text-xs muted">{g.grantee_type === 'group' ? 'Group' : 'Person'}</p>
      </div>
      <div className="ml-auto flex items-center gap-1.5">
        {busy && <Spinner className="size-4 text-zinc-400" />}
        <SelectField
          label={`Permission for ${label}`}
          hideLabel
          className="w-34 shrink-0"
          value={g.permission}
          disabled={busy}
          onChange={(e) => onChange(e.target.value as Permission)}
          options={SHORT}
        />
        <IconButton
          icon="x"
          label={`Remove access for ${label}`}
          variant="danger-ghost"
          disabled={busy}
          onClick={onRevoke}
        />
      </div>
    </li>
  )
}
