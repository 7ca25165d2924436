import { defineMessage, FormattedMessage, useIntl, type IntlShape } from 'react-intl'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { addMember, deleteGroup, listGroups, removeMember, type Group, type GroupMember } from '../api/groups'
import { formatDate } from '../lib/format'
import { Button, IconButton } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { GroupNameDialog } from './GroupNameDialog'

type Pending = { kind: 'delete'; group: Group } | { kind: 'remove'; group: Group; member: GroupMember }

const REMOVED_ACCOUNT = defineMessage({ id: 'admin.groups.removedAccount', defaultMessage: 'A removed account' })
const memberLabel = (intl: IntlShape, m: GroupMember) => m.name || m.email || intl.formatMessage(REMOVED_ACCOUNT)

export function GroupsPage() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const groups = useQuery({ queryKey: ['admin-groups'], queryFn: listGroups })
  const [naming, setNaming] = useState<Group | 'new' | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin-groups'] })

  const confirm = async () => {
    if (!pending) return
    setBusy(true)
    try {
      if (pending.kind === 'delete') {
        await deleteGroup(pending.group.id)
        toast.show(
          intl.formatMessage(
            { id: 'admin.groupsPage.deletedName', defaultMessage: 'Deleted {name}' },
            { name: pending.group.name },
          ),
        )
      } else {
        await removeMember(pending.group.id, pending.member.user_id)
        toast.show(
          intl.formatMessage(
            { id: 'admin.groups.removed', defaultMessage: 'Removed {member} from {group}' },
            { member: memberLabel(intl, pending.member), group: pending.group.name },
          ),
        )
      }
      setPending(null)
      await refresh()
    } catch (e) {
      toast.show(errorMessage(e), 'error')
    } finally {
      setBusy(false)
    }
  }

  const list = groups.data ?? []
  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'admin.groupsPage.groups', defaultMessage: 'Groups' })}
        description={intl.formatMessage({
          id: 'admin.groupsPage.teamsPeopleCanShare',
          defaultMessage:
            'Teams people can share files and transfers with in one step. Only administrators see who is in a group.',
        })}
        actions={
          <Button icon="plus" variant="primary" onClick={() => setNaming('new')}>
            <FormattedMessage id="admin.groupsPage.createGroup" defaultMessage="Create group" />
          </Button>
        }
      />
      {groups.isPending ? (
        <div className="card">
          <PageSpinner
            label={intl.formatMessage({ id: 'admin.groupsPage.loadingGroups', defaultMessage: 'Loading groups' })}
          />
        </div>
      ) : groups.isError ? (
        <div className="card">
          <ErrorNotice
            error={groups.error}
            title={intl.formatMessage({
              id: 'admin.groupsPage.couldNotLoadGroups',
              defaultMessage: 'Could not load groups',
            })}
            onRetry={() => void groups.refetch()}
          />
        </div>
      ) : list.length === 0 ? (
        <div className="card">
          <EmptyState
            icon="team"
            title={intl.formatMessage({ id: 'admin.groupsPage.noGroupsYet', defaultMessage: 'No groups yet' })}
            action={
              <Button icon="plus" variant="primary" onClick={() => setNaming('new')}>
                <FormattedMessage id="admin.groupsPage.createGroup" defaultMessage="Create group" />
              </Button>
            }
          >
            <FormattedMessage
              id="admin.groups.emptyBody"
              defaultMessage="Create a group such as “Finance” and add its members; people can then share with all of them at once."
            />
          </EmptyState>
        </div>
      ) : (
        <ul
          className="space-y-4"
          aria-label={intl.formatMessage({ id: 'admin.groupsPage.groups', defaultMessage: 'Groups' })}
        >
          {list.map((group) => (
            <GroupCard
              key={group.id}
              group={group}
              onRename={() => setNaming(group)}
              onDelete={() => setPending({ kind: 'delete', group })}
              onRemove={(member) => setPending({ kind: 'remove', group, member })}
              onChanged={refresh}
            />
          ))}
        </ul>
      )}
      <GroupNameDialog group={naming} onClose={() => setNaming(null)} onDone={refresh} />
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === 'delete'
            ? intl.formatMessage({ id: 'admin.groups.deleteTitle', defaultMessage: 'Delete this group?' })
            : intl.formatMessage({ id: 'admin.groups.removeTitle', defaultMessage: 'Remove this member?' })
        }
        confirmLabel={
          pending?.kind === 'delete'
            ? intl.formatMessage({ id: 'admin.groups.deleteConfirm', defaultMessage: 'Delete group' })
            : intl.formatMessage({ id: 'admin.groups.removeConfirm', defaultMessage: 'Remove' })
        }
        danger
        busy={busy}
        onClose={() => setPending(null)}
        onConfirm={() => void confirm()}
      >
        {pending?.kind === 'delete' ? (
          <FormattedMessage
            id="admin.groups.deleteBody"
            defaultMessage="Whatever was shared with “{group}” stops reaching its {count, plural, one {member} other {# members}}. No file is deleted."
            values={{ group: <bdi>{pending.group.name}</bdi>, count: pending.group.members.length }}
          />
        ) : pending ? (
          <FormattedMessage
            id="admin.groups.removeBody"
            defaultMessage="{member} loses access to what was shared with “{group}”."
            values={{ member: <bdi>{memberLabel(intl, pending.member)}</bdi>, group: <bdi>{pending.group.name}</bdi> }}
          />
        ) : null}
      </ConfirmDialog>
    </>
  )
}

function GroupCard({
  group,
  onRename,
  onDelete,
  onRemove,
  onChanged,
}: {
  group: Group
  onRename: () => void
  onDelete: () => void
  onRemove: (m: GroupMember) => void
  onChanged: () => Promise<unknown>
}) {
  const intl = useIntl()
  const toast = useToast()
  const [email, setEmail] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const headingId = `group-${group.id}`

  const add = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await addMember(group.id, email.trim())
      toast.show(
        intl.formatMessage(
          { id: 'admin.groups.added', defaultMessage: 'Added {email} to {group}' },
          { email: email.trim(), group: group.name },
        ),
      )
      setEmail('')
      await onChanged()
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 404
          ? new Error(
              intl.formatMessage({
                id: 'admin.groups.noAccount',
                defaultMessage: 'No account uses this email address.',
              }),
            )
          : e,
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <li className="card overflow-hidden" aria-labelledby={headingId}>
      <div className="flex items-center gap-3 border-b border-zinc-200/80 px-4 py-3 sm:px-5 dark:border-zinc-800">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="truncate text-base font-semibold tracking-tight" title={group.name}>
            {group.name}
          </h2>
          <p className="text-sm muted">
            <FormattedMessage
              id="admin.groups.cardMeta"
              defaultMessage="{count, plural, one {# member} other {# members}} · created {created}"
              values={{ count: group.members.length, created: formatDate(group.created_at) }}
            />
          </p>
        </div>
        <Button
          size="sm"
          variant="ghost"
          icon="pencil"
          onClick={onRename}
          aria-label={intl.formatMessage(
            { id: 'admin.groupsPage.renameName', defaultMessage: 'Rename {name}' },
            { name: group.name },
          )}
        >
          <span className="max-sm:hidden">
            <FormattedMessage id="admin.groupsPage.rename" defaultMessage="Rename" />
          </span>
        </Button>
        <Button
          size="sm"
          variant="danger-ghost"
          icon="trash"
          onClick={onDelete}
          aria-label={intl.formatMessage(
            { id: 'admin.groupsPage.deleteName', defaultMessage: 'Delete {name}' },
            { name: group.name },
          )}
        >
          <span className="max-sm:hidden">
            <FormattedMessage id="admin.groupsPage.delete" defaultMessage="Delete" />
          </span>
        </Button>
      </div>
      {group.members.length === 0 ? (
        <p className="px-4 py-3 text-sm muted sm:px-5">
          <FormattedMessage
            id="admin.groupsPage.noMembersYetAdd"
            defaultMessage="No members yet. Add someone by their email address below."
          />
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-100 dark:divide-zinc-800/80"
          aria-label={intl.formatMessage(
            { id: 'admin.groupsPage.membersOfName', defaultMessage: 'Members of {name}' },
            { name: group.name },
          )}
        >
          {group.members.map((m) => (
            <li key={m.user_id} className="flex items-center gap-3 px-4 py-2 sm:px-5">
              <span
                className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-sm font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200"
                aria-hidden="true"
              >
                {memberLabel(intl, m).slice(0, 1).toUpperCase()}
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium" title={memberLabel(intl, m)}>
                  {memberLabel(intl, m)}
                </p>
                {m.name && m.email && (
                  <p className="truncate text-xs muted" title={m.email}>
                    {m.email}
                  </p>
                )}
              </div>
              <IconButton
                icon="x"
                variant="danger-ghost"
                label={intl.formatMessage(
                  { id: 'admin.groups.removeMember', defaultMessage: 'Remove {member} from {group}' },
                  { member: memberLabel(intl, m), group: group.name },
                )}
                onClick={() => onRemove(m)}
              />
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={add}
        className="space-y-2 border-t border-zinc-200/80 bg-zinc-50/60 px-4 py-3 sm:px-5 dark:border-zinc-800 dark:bg-zinc-900/40"
      >
        <div className="flex items-end gap-2">
          <TextField
            label={intl.formatMessage({ id: 'admin.groupsPage.addAMember', defaultMessage: 'Add a member' })}
            aria-label={intl.formatMessage(
              { id: 'admin.groupsPage.addAMemberTo', defaultMessage: 'Add a member to {name}' },
              { name: group.name },
            )}
            className="min-w-0 flex-1"
            type="email"
            autoComplete="off"
            placeholder={intl.formatMessage({
              id: 'admin.groupsPage.nameExampleCom',
              defaultMessage: 'name@example.com',
            })}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" icon="plus" busy={busy} disabled={!email.trim()}>
            <FormattedMessage id="admin.groupsPage.add" defaultMessage="Add" />
          </Button>
        </div>
        <InlineError error={error} />
      </form>
    </li>
  )
}
