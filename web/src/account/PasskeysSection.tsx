import { FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { addPasskey, deletePasskey, listPasskeys, passkeysSupported, type Passkey } from '../api/account'
import { formatDate, formatRelative } from '../lib/format'
import { describeUserAgent } from '../lib/userAgent'
import { Button } from '../ui/Button'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Dialog } from '../ui/Dialog'
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

function PasskeyRow({ passkey, onDelete }: { passkey: Passkey; onDelete: () => void }) {
  const intl = useIntl()
  return (
    <li className="flex items-center gap-4 px-5 py-4 sm:px-6">
      <span className="hidden size-10 shrink-0 items-center justify-center rounded-xl bg-zinc-100 text-zinc-600 sm:flex dark:bg-zinc-800 dark:text-zinc-300">
        <Icon name="key" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium" title={passkey.name}>
          {passkey.name}
        </p>
        <p className="text-sm muted">
          <FormattedMessage
            id="account.passkeysSection.meta"
            defaultMessage="Added {added} · {used, select, yes {last used {lastUsed}} other {never used}}"
            values={{
              added: formatDate(passkey.created_at),
              used: passkey.last_used_at ? 'yes' : 'no',
              lastUsed: passkey.last_used_at ? formatRelative(passkey.last_used_at) : '',
            }}
          />
        </p>
      </div>
      <Button
        size="sm"
        variant="danger-ghost"
        icon="trash"
        onClick={onDelete}
        aria-label={intl.formatMessage(
          { id: 'account.passkeysSection.removeNamed', defaultMessage: 'Remove passkey {name}' },
          { name: passkey.name },
        )}
      >
        <FormattedMessage id="account.passkeysSection.remove" defaultMessage="Remove" />
      </Button>
    </li>
  )
}

/** Passkeys: sign in without a password, or as the second factor after one. */
export function PasskeysSection() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const passkeys = useQuery({ queryKey: ['passkeys'], queryFn: listPasskeys })
  const [adding, setAdding] = useState(false)
  const [removing, setRemoving] = useState<Passkey | null>(null)
  const changed = () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['passkeys'] }),
      queries.invalidateQueries({ queryKey: ['2fa'] }),
    ])
  const remove = useMutation({
    mutationFn: (passkey: Passkey) => deletePasskey(passkey.id),
    onSuccess: () => {
      toast.show(
        intl.formatMessage({ id: 'account.passkeysSection.passkeyRemoved', defaultMessage: 'Passkey removed' }),
      )
      setRemoving(null)
    },
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: changed,
  })
  const list = passkeys.data ?? []
  const supported = passkeysSupported()

  return (
    <Section
      title={intl.formatMessage({ id: 'account.passkeysSection.passkeys', defaultMessage: 'Passkeys' })}
      description={intl.formatMessage({
        id: 'account.passkeysSection.signInWithYour',
        defaultMessage:
          "Sign in with your device's fingerprint, face or screen lock, or a security key. A passkey also counts as a second factor.",
      })}
      actions={
        <Button size="sm" icon="plus" disabled={!supported} onClick={() => setAdding(true)}>
          <FormattedMessage id="account.passkeysSection.addAPasskey" defaultMessage="Add a passkey" />
        </Button>
      }
    >
      {passkeys.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'account.passkeysSection.loadingPasskeys',
            defaultMessage: 'Loading passkeys',
          })}
        />
      ) : passkeys.isError ? (
        <ErrorNotice error={passkeys.error} onRetry={() => void passkeys.refetch()} />
      ) : list.length === 0 ? (
        <p className="px-5 py-5 text-sm muted sm:px-6">
          {supported ? (
            <FormattedMessage id="account.passkeysSection.none" defaultMessage="No passkeys yet." />
          ) : (
            <FormattedMessage
              id="account.passkeysSection.unsupported"
              defaultMessage="This browser cannot create passkeys."
            />
          )}
        </p>
      ) : (
        <ul
          aria-label={intl.formatMessage({ id: 'account.passkeysSection.passkeys', defaultMessage: 'Passkeys' })}
          className="divide-y divide-zinc-100 dark:divide-zinc-800"
        >
          {list.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} onDelete={() => setRemoving(passkey)} />
          ))}
        </ul>
      )}
      <AddPasskeyDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false)
          toast.show(
            intl.formatMessage({ id: 'account.passkeysSection.passkeyAdded', defaultMessage: 'Passkey added' }),
          )
          void changed()
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title={intl.formatMessage({
          id: 'account.passkeysSection.removeThisPasskey',
          defaultMessage: 'Remove this passkey?',
        })}
        confirmLabel={intl.formatMessage({
          id: 'account.passkeysSection.removePasskey',
          defaultMessage: 'Remove passkey',
        })}
        danger
        busy={remove.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        <FormattedMessage
          id="account.passkeysSection.removeBody"
          defaultMessage="“{name}” will no longer sign you in. Remove it from the device or password manager too."
          values={{ name: <bdi>{removing?.name}</bdi> }}
        />
      </ConfirmDialog>
    </Section>
  )
}

function AddPasskeyDialog({ open, onClose, onAdded }: { open: boolean; onClose: () => void; onAdded: () => void }) {
  const intl = useIntl()
  const [name, setName] = useState(() => describeUserAgent(navigator.userAgent))
  const add = useMutation({ mutationFn: () => addPasskey(name.trim()), onSuccess: onAdded })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    add.mutate()
  }
  const close = () => {
    add.reset()
    onClose()
  }
  return (
    <Dialog
      open={open}
      onClose={close}
      title={intl.formatMessage({ id: 'account.passkeysSection.addAPasskey', defaultMessage: 'Add a passkey' })}
      description={intl.formatMessage({
        id: 'account.passkeysSection.yourBrowserAsksYou',
        defaultMessage: 'Your browser asks you to confirm with your device or a security key.',
      })}
      footer={
        <>
          <Button onClick={close}>
            <FormattedMessage id="account.passkeysSection.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" form="add-passkey" variant="primary" busy={add.isPending} disabled={!name.trim()}>
            <FormattedMessage id="account.passkeysSection.continue" defaultMessage="Continue" />
          </Button>
        </>
      }
    >
      <form id="add-passkey" onSubmit={submit} className="space-y-4">
        <InlineError error={add.error} />
        <TextField
          label={intl.formatMessage({ id: 'account.passkeysSection.name', defaultMessage: 'Name' })}
          hint={intl.formatMessage({
            id: 'account.passkeysSection.toTellYourPasskeys',
            defaultMessage: 'To tell your passkeys apart later.',
          })}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </form>
    </Dialog>
  )
}
