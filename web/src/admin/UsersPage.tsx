import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { ROLE_NAMES } from '../account/roles'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { listUsers, suspendUser } from '../api/admin'
import type { UserInfo } from '../api/types'
import { useAuth } from '../auth/AuthProvider'
import { formatBytes, formatDate } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { CreateUserDialog, EditUserDialog, InviteDialog } from './UserDialogs'

function initials(user: UserInfo): string {
  return (user.name || user.email).slice(0, 1).toUpperCase()
}

const messages = defineMessages({
  reactivate: { id: 'admin.users.reactivate', defaultMessage: 'Reactivate' },
  suspend: { id: 'admin.users.suspend', defaultMessage: 'Suspend' },
})

export function UsersPage() {
  const intl = useIntl()
  const { me } = useAuth()
  const queries = useQueryClient()
  const toast = useToast()
  const [creating, setCreating] = useState(false)
  const [inviting, setInviting] = useState(false)
  const [editing, setEditing] = useState<UserInfo | null>(null)
  const [suspending, setSuspending] = useState<UserInfo | null>(null)
  const users = useInfiniteQuery({
    queryKey: ['admin-users'],
    queryFn: ({ pageParam }) => listUsers(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  })
  const refresh = () => queries.invalidateQueries({ queryKey: ['admin-users'] })
  const suspend = useMutation({
    mutationFn: (user: UserInfo) => suspendUser(user.id, user.status !== 'suspended'),
    onSuccess: (user) => {
      toast.show(
        user.status === 'suspended'
          ? intl.formatMessage(
              { id: 'admin.users.suspended', defaultMessage: 'Suspended {email}' },
              { email: user.email },
            )
          : intl.formatMessage(
              { id: 'admin.users.reactivated', defaultMessage: 'Reactivated {email}' },
              { email: user.email },
            ),
      )
      setSuspending(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: refresh,
  })
  const list = users.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'admin.usersPage.users', defaultMessage: 'Users' })}
        description={intl.formatMessage({
          id: 'admin.usersPage.whoCanSignIn',
          defaultMessage: 'Who can sign in to this Ferry server, their role and storage quota.',
        })}
        actions={
          <>
            <Button icon="mail" onClick={() => setInviting(true)}>
              <FormattedMessage id="admin.usersPage.invite" defaultMessage="Invite" />
            </Button>
            <Button icon="plus" variant="primary" onClick={() => setCreating(true)}>
              <FormattedMessage id="admin.usersPage.createUser" defaultMessage="Create user" />
            </Button>
          </>
        }
      />
      <div className="card overflow-hidden">
        {users.isPending ? (
          <PageSpinner
            label={intl.formatMessage({ id: 'admin.usersPage.loadingUsers', defaultMessage: 'Loading users' })}
          />
        ) : users.isError ? (
          <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState
            icon="users"
            title={intl.formatMessage({ id: 'admin.usersPage.noUsersYet', defaultMessage: 'No users yet' })}
          />
        ) : (
          <table className="w-full table-fixed text-start text-[15px]">
            <thead className="border-b border-zinc-200/80 text-[13px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2.5 font-medium sm:px-6">
                  <FormattedMessage id="admin.usersPage.user" defaultMessage="User" />
                </th>
                <th scope="col" className="hidden w-28 px-3 py-2.5 font-medium sm:table-cell">
                  <FormattedMessage id="admin.usersPage.role" defaultMessage="Role" />
                </th>
                <th scope="col" className="hidden w-32 px-3 py-2.5 font-medium md:table-cell">
                  <FormattedMessage id="admin.usersPage.quota" defaultMessage="Quota" />
                </th>
                <th scope="col" className="hidden w-32 px-3 py-2.5 font-medium lg:table-cell">
                  <FormattedMessage id="admin.usersPage.joined" defaultMessage="Joined" />
                </th>
                <th scope="col" className="w-28 px-5 py-2.5 sm:w-52 sm:px-6">
                  <span className="sr-only">
                    <FormattedMessage id="admin.usersPage.actions" defaultMessage="Actions" />
                  </span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/80">
              {list.map((user) => (
                <tr key={user.id}>
                  <td className="px-5 py-3 sm:px-6">
                    <div className="flex min-w-0 items-center gap-3">
                      <span
                        className="flex size-9 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-sm font-semibold text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200"
                        aria-hidden="true"
                      >
                        {initials(user)}
                      </span>
                      <div className="min-w-0">
                        <p className="flex items-center gap-2">
                          <span className="truncate font-medium" title={user.name ?? user.email}>
                            {user.name || user.email}
                          </span>
                          {user.status === 'suspended' && (
                            <Badge tone="red">
                              <FormattedMessage id="admin.usersPage.suspended" defaultMessage="Suspended" />
                            </Badge>
                          )}
                          {user.id === me?.id && (
                            <Badge tone="accent">
                              <FormattedMessage id="admin.usersPage.you" defaultMessage="You" />
                            </Badge>
                          )}
                        </p>
                        {user.name && (
                          <p className="truncate text-sm muted" title={user.email}>
                            {user.email}
                          </p>
                        )}
                      </div>
                    </div>
                  </td>
                  <td className="hidden px-3 py-3 sm:table-cell">
                    <Badge tone={user.role === 'admin' ? 'accent' : 'neutral'}>
                      {intl.formatMessage(ROLE_NAMES[user.role])}
                    </Badge>
                  </td>
                  <td className="hidden px-3 py-3 text-sm tabular-nums muted md:table-cell">
                    {user.quota_bytes == null ? (
                      <FormattedMessage id="admin.users.defaultQuota" defaultMessage="Default" />
                    ) : (
                      formatBytes(user.quota_bytes)
                    )}
                  </td>
                  <td className="hidden px-3 py-3 text-sm muted lg:table-cell">{formatDate(user.created_at)}</td>
                  <td className="px-5 py-3 sm:px-6">
                    <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing(user)}
                        aria-label={intl.formatMessage(
                          { id: 'admin.usersPage.editEmail', defaultMessage: 'Edit {email}' },
                          { email: user.email },
                        )}
                      >
                        <FormattedMessage id="admin.usersPage.edit" defaultMessage="Edit" />
                      </Button>
                      {user.id !== me?.id && (
                        <Button
                          size="sm"
                          variant={user.status === 'suspended' ? 'ghost' : 'danger-ghost'}
                          onClick={() => setSuspending(user)}
                          aria-label={
                            user.status === 'suspended'
                              ? intl.formatMessage(
                                  { id: 'admin.users.reactivateNamed', defaultMessage: 'Reactivate {email}' },
                                  { email: user.email },
                                )
                              : intl.formatMessage(
                                  { id: 'admin.users.suspendNamed', defaultMessage: 'Suspend {email}' },
                                  { email: user.email },
                                )
                          }
                        >
                          {user.status === 'suspended'
                            ? intl.formatMessage(messages.reactivate)
                            : intl.formatMessage(messages.suspend)}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {users.hasNextPage && (
          <div className="flex justify-center border-t border-zinc-200/80 p-3 dark:border-zinc-800">
            <Button variant="ghost" busy={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
              <FormattedMessage id="admin.usersPage.loadMore" defaultMessage="Load more" />
            </Button>
          </div>
        )}
      </div>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} onDone={refresh} />
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} onDone={refresh} />
      <ConfirmDialog
        open={suspending !== null}
        title={
          suspending?.status === 'suspended'
            ? intl.formatMessage({ id: 'admin.users.reactivateTitle', defaultMessage: 'Reactivate this user?' })
            : intl.formatMessage({ id: 'admin.users.suspendTitle', defaultMessage: 'Suspend this user?' })
        }
        confirmLabel={
          suspending?.status === 'suspended'
            ? intl.formatMessage(messages.reactivate)
            : intl.formatMessage(messages.suspend)
        }
        danger={suspending?.status !== 'suspended'}
        busy={suspend.isPending}
        onClose={() => setSuspending(null)}
        onConfirm={() => suspending && suspend.mutate(suspending)}
      >
        {suspending?.status === 'suspended' ? (
          <FormattedMessage
            id="admin.users.reactivateBody"
            defaultMessage="{email} can sign in again."
            values={{ email: <bdi>{suspending.email}</bdi> }}
          />
        ) : (
          <FormattedMessage
            id="admin.users.suspendBody"
            defaultMessage="{email} is signed out everywhere at once and their API keys stop working until you reactivate them."
            values={{ email: <bdi>{suspending?.email ?? ''}</bdi> }}
          />
        )}
      </ConfirmDialog>
    </>
  )
}
