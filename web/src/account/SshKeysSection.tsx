import { FormattedMessage, useIntl } from 'react-intl'
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
  const intl = useIntl()
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
      toast.show(
        intl.formatMessage(
          { id: 'account.sshKeysSection.addedName', defaultMessage: 'Added {name}' },
          { name: key.name },
        ),
      )
      setName('')
      setPublicKey('')
    },
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: (key: SshKey) => deleteSshKey(key.id),
    onSuccess: (_, key) => {
      toast.show(
        intl.formatMessage(
          { id: 'account.sshKeysSection.deletedName', defaultMessage: 'Deleted {name}' },
          { name: key.name },
        ),
      )
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
    <Section
      title={intl.formatMessage({ id: 'account.sshKeysSection.sshKeys', defaultMessage: 'SSH keys' })}
      description={intl.formatMessage({
        id: 'account.sshKeysSection.publicKeysThatSign',
        defaultMessage: 'Public keys that sign you in to SFTP with your email as the user name.',
      })}
    >
      {keys.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'account.sshKeysSection.loadingSshKeys',
            defaultMessage: 'Loading SSH keys',
          })}
        />
      ) : keys.isError ? (
        <ErrorNotice error={keys.error} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState
          compact
          icon="key"
          title={intl.formatMessage({ id: 'account.sshKeysSection.noSshKeysYet', defaultMessage: 'No SSH keys yet' })}
        >
          <FormattedMessage
            id="account.sshKeysSection.addThePublicHalf"
            defaultMessage="Add the public half of a key pair (for example ~/.ssh/id_ed25519.pub) to use SFTP without a password."
          />
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-zinc-100 dark:divide-zinc-800"
          aria-label={intl.formatMessage({ id: 'account.sshKeysSection.sshKeys', defaultMessage: 'SSH keys' })}
        >
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
                  <FormattedMessage
                    id="account.sshKeysSection.meta"
                    defaultMessage="Added {added} · {used, select, yes {last used {lastUsed}} other {never used}}"
                    values={{
                      added: formatDate(key.created_at),
                      used: key.last_used_at ? 'yes' : 'no',
                      lastUsed: key.last_used_at ? formatRelative(key.last_used_at) : '',
                    }}
                  />
                </p>
              </div>
              <Button
                size="sm"
                variant="danger-ghost"
                onClick={() => setDeleting(key)}
                className="self-start sm:self-center"
              >
                <FormattedMessage id="account.sshKeysSection.delete" defaultMessage="Delete" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4 border-t border-zinc-100 px-5 py-5 sm:px-6 dark:border-zinc-800">
        <InlineError error={add.error} />
        <TextField
          label={intl.formatMessage({ id: 'account.sshKeysSection.name', defaultMessage: 'Name' })}
          placeholder={intl.formatMessage({ id: 'account.sshKeysSection.eGLaptop', defaultMessage: 'e.g. Laptop' })}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <div>
          <label htmlFor="ssh-public-key" className="label">
            <FormattedMessage
              id="account.sshKeysSection.publicKeyOpensshFormat"
              defaultMessage="Public key (OpenSSH format)"
            />
          </label>
          <textarea
            id="ssh-public-key"
            className="field min-h-20 font-mono text-xs"
            placeholder={intl.formatMessage({
              id: 'account.sshKeysSection.sshEd25519Aaaac3nzac1lzdi1nte5aaaaYou',
              defaultMessage: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… you@laptop',
            })}
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
            <FormattedMessage id="account.sshKeysSection.addKey" defaultMessage="Add key" />
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={deleting !== null}
        title={intl.formatMessage({
          id: 'account.sshKeysSection.deleteThisSshKey',
          defaultMessage: 'Delete this SSH key?',
        })}
        confirmLabel={intl.formatMessage({ id: 'account.sshKeysSection.deleteKey', defaultMessage: 'Delete key' })}
        danger
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
      >
        <FormattedMessage
          id="account.sshKeysSection.deleteBody"
          defaultMessage="SFTP stops accepting <strong>{name}</strong> at once."
          values={{
            name: deleting?.name,
            strong: (chunks) => <bdi className="font-medium text-zinc-900 dark:text-zinc-100">{chunks}</bdi>,
          }}
        />
      </ConfirmDialog>
    </Section>
  )
}
