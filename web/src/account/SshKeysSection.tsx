import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { addSshKey, deleteSshKey, listSshKeys, type SshKey } from '../api/account'
import { formatDate, formatRelative } from '../lib/format'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

/** Public keys for SFTP sign-in (docs/sftp.md): list, add in OpenSSH format, delete. */
export function SshKeysSection() {
  const queries = useQueryClient()
  const toast = useToast()
  const [name, setName] = useState('')
  const [publicKey, setPublicKey] = useState('')
  const [deleting, setDeleting] = useState<SshKey | null>(null)
  const keys = useQuery({ queryKey: ['ssh-keys'], queryFn: listSshKeys })
  const refresh = () => queries.invalidateQueries({ queryKey: ['ssh-keys'] })
  const add = useMutation({
    mutationFn: () => addSshKey({ name: name.trim(), public_key: publicKey.trim() }),
    onSuccess: (key) => {
      toast.show(`Added ${key.name}`)
      setName('')
      setPublicKey('')
    },
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: (key: SshKey) => deleteSshKey(key.id),
    onSuccess: (_, key) => {
      toast.show(`Deleted ${key.name}`)
      setDeleting(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: refresh,
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    add.mutate()
  }

  return (
    <Section title="SSH keys" description="Public keys that sign you in to SFTP with your email as the user name.">
      {keys.isPending ? (
        <PageSpinner label="Loading SSH keys" />
      ) : keys.isError ? (
        <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState compact icon="key" title="No SSH keys yet">
          Add the public half of a key pair (for example ~/.ssh/id_ed25519.pub) to use SFTP without a password.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="SSH keys">
          {keys.data.map((key) => (
            <li key={key.id} className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:px-6">
              <span className="hidden size-10 shrink-0 items-center justify-center rounded-xl bg-zinc-100 text-zinc-600 sm:flex dark:bg-zinc-800 dark:text-zinc-300">
                <Icon name="key" />
              </span>
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium" title={key.name}>
                  {key.name}
                </p>
                <p className="truncate font-mono text-xs muted" title={key.fingerprint}>
                  {key.fingerprint}
                </p>
                <p className="mt-0.5 text-sm muted">
                  Added {formatDate(key.created_at)} ·{' '}
                  {key.last_used_at ? `last used ${formatRelative(key.last_used_at)}` : 'never used'}
                </p>
              </div>
              <Button
                size="sm"
                variant="danger-ghost"
                onClick={() => setDeleting(key)}
                className="self-start sm:self-center"
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4 border-t border-zinc-100 px-5 py-5 sm:px-6 dark:border-zinc-800">
        <InlineError error={add.error} />
        <TextField
          label="Name"
          placeholder="e.g. Laptop"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div>
          <label htmlFor="ssh-public-key" className="label">
            Public key (OpenSSH format)
          </label>
          <textarea
            id="ssh-public-key"
            className="field min-h-20 font-mono text-xs"
            placeholder="ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… you@laptop"
            required
            value={publicKey}
            onChange={(e) => setPublicKey(e.target.value)}
          />
        </div>
        <div className="flex justify-end">
          <Button
            type="submit"
            variant="primary"
            icon="plus"
            busy={add.isPending}
            disabled={!name.trim() || !publicKey.trim()}
          >
            Add key
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this SSH key?"
        confirmLabel="Delete key"
        danger
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        SFTP stops accepting <span className="font-medium text-zinc-900 dark:text-zinc-100">{deleting?.name}</span> at
        once.
      </ConfirmDialog>
    </Section>
  )
}
