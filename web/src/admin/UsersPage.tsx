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

export function UsersPage() {
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
      toast.show(user.status === 'suspended' ? `Suspended ${user.email}` : `Reactivated ${user.email}`)
      setSuspending(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: refresh,
  })
  const list = users.data?.pages.flatMap((p) => p.items) ?? []

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to this Ferry server, their role and storage quota."
        actions={
          <>
            <Button icon="mail" onClick={() => setInviting(true)}>
              Invite
            </Button>
            <Button icon="plus" variant="primary" onClick={() => setCreating(true)}>
              Create user
            </Button>
          </>
        }
      />
      <div className="card overflow-hidden">
        {users.isPending ? (
          <PageSpinner label="Loading users" />
        ) : users.isError ? (
          <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />
        ) : list.length === 0 ? (
          <EmptyState icon="users" title="No users yet" />
        ) : (
          <table className="w-full table-fixed text-left text-[15px]">
            <thead className="border-b border-zinc-200/80 text-[13px] text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2.5 font-medium sm:px-6">
                  User
                </th>
                <th scope="col" className="hidden w-28 px-3 py-2.5 font-medium sm:table-cell">
                  Role
                </th>
                <th scope="col" className="hidden w-32 px-3 py-2.5 font-medium md:table-cell">
                  Quota
                </th>
                <th scope="col" className="hidden w-32 px-3 py-2.5 font-medium lg:table-cell">
                  Joined
                </th>
                <th scope="col" className="w-28 px-5 py-2.5 sm:w-52 sm:px-6">
                  <span className="sr-only">Actions</span>
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
                          {user.status === 'suspended' && <Badge tone="red">Suspended</Badge>}
                          {user.id === me?.id && <Badge tone="accent">You</Badge>}
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
                      <span className="capitalize">{user.role}</span>
                    </Badge>
                  </td>
                  <td className="hidden px-3 py-3 text-sm tabular-nums muted md:table-cell">
                    {user.quota_bytes == null ? 'Default' : formatBytes(user.quota_bytes)}
                  </td>
                  <td className="hidden px-3 py-3 text-sm muted lg:table-cell">{formatDate(user.created_at)}</td>
                  <td className="px-5 py-3 sm:px-6">
                    <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end">
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => setEditing(user)}
                        aria-label={`Edit ${user.email}`}
                      >
                        Edit
                      </Button>
                      {user.id !== me?.id && (
                        <Button
                          size="sm"
                          variant={user.status === 'suspended' ? 'ghost' : 'danger-ghost'}
                          onClick={() => setSuspending(user)}
                          aria-label={`${user.status === 'suspended' ? 'Reactivate' : 'Suspend'} ${user.email}`}
                        >
                          {user.status === 'suspended' ? 'Reactivate' : 'Suspend'}
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
              Load more
            </Button>
          </div>
        )}
      </div>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} onDone={refresh} />
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      <EditUserDialog user={editing} onClose={() => setEditing(null)} onDone={refresh} />
      <ConfirmDialog
        open={suspending !== null}
        title={suspending?.status === 'suspended' ? 'Reactivate this user?' : 'Suspend this user?'}
        confirmLabel={suspending?.status === 'suspended' ? 'Reactivate' : 'Suspend'}
        danger={suspending?.status !== 'suspended'}
        busy={suspend.isPending}
        onClose={() => setSuspending(null)}
        onConfirm={() => suspending && suspend.mutate(suspending)}
      >
        {suspending?.status === 'suspended'
          ? `${suspending.email} can sign in again.`
          : `${suspending?.email ?? ''} is signed out everywhere at once and their API keys stop working until you reactivate them.`}
      </ConfirmDialog>
    </>
  )
}
