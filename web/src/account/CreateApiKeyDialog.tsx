import { defineMessage, FormattedMessage, useIntl } from 'react-intl'
import { useEffect, useState, type FormEvent } from 'react'
import { createApiKey } from '../api/account'
import type { CreatedApiKey } from '../api/types'
import { useAuth } from '../auth/AuthProvider'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { SelectField, TextField } from '../ui/Field'
import { Icon } from '../ui/Icon'
import { useDialogSubmit } from '../ui/useDialogSubmit'

const SCOPES = [
  {
    value: 'read',
    label: defineMessage({ id: 'account.createApiKey.scope.read', defaultMessage: 'Read' }),
    hint: defineMessage({ id: 'account.createApiKey.scope.readHint', defaultMessage: 'List and download files' }),
  },
  {
    value: 'write',
    label: defineMessage({ id: 'account.createApiKey.scope.write', defaultMessage: 'Write' }),
    hint: defineMessage({
      id: 'account.createApiKey.scope.writeHint',
      defaultMessage: 'Upload, rename, move and delete',
    }),
  },
  {
    value: 'share',
    label: defineMessage({ id: 'account.createApiKey.scope.share', defaultMessage: 'Share' }),
    hint: defineMessage({
      id: 'account.createApiKey.scope.shareHint',
      defaultMessage: 'Create and manage share links',
    }),
  },
  {
    value: 'admin',
    label: defineMessage({ id: 'account.createApiKey.scope.admin', defaultMessage: 'Admin' }),
    hint: defineMessage({
      id: 'account.createApiKey.scope.adminHint',
      defaultMessage: 'Manage users and read the audit log',
    }),
  },
  {
    value: 'scim',
    label: defineMessage({ id: 'account.createApiKey.scope.scim', defaultMessage: 'SCIM' }),
    hint: defineMessage({
      id: 'account.createApiKey.scope.scimHint',
      defaultMessage: 'Let an identity provider provision accounts (docs/scim.md)',
    }),
  },
] as const

/** Scopes only an admin's role allows. */
const ADMIN_ONLY: readonly string[] = ['admin', 'scim']

const EXPIRY = [
  { value: '30', label: defineMessage({ id: 'account.createApiKey.expiry.30', defaultMessage: '30 days' }) },
  { value: '90', label: defineMessage({ id: 'account.createApiKey.expiry.90', defaultMessage: '90 days' }) },
  { value: '365', label: defineMessage({ id: 'account.createApiKey.expiry.365', defaultMessage: '1 year' }) },
  { value: '', label: defineMessage({ id: 'account.createApiKey.expiry.never', defaultMessage: 'Never' }) },
] as const

export function CreateApiKeyDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean
  onClose: () => void
  onCreated: () => void
}) {
  const intl = useIntl()
  const { me } = useAuth()
  const [name, setName] = useState('')
  const [scopes, setScopes] = useState<string[]>(['read', 'write'])
  const [expiry, setExpiry] = useState('90')
  const { busy, error, run } = useDialogSubmit(open)
  const [created, setCreated] = useState<CreatedApiKey | null>(null)

  useEffect(() => {
    if (!open) return
    setName('')
    setScopes(['read', 'write'])
    setExpiry('90')
    setCreated(null)
  }, [open])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(
      async () => {
        const body: { name: string; scopes: string[]; expires_at?: string } = { name: name.trim(), scopes }
        if (expiry)
          body.expires_at = new Date(Date.now() + Number(expiry) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
        setCreated(await createApiKey(body))
        onCreated()
      },
      { stayOpen: true },
    )
  }

  if (created) {
    return (
      <Dialog
        open={open}
        onClose={onClose}
        title={intl.formatMessage({
          id: 'account.createApiKeyDialog.yourNewApiKey',
          defaultMessage: 'Your new API key',
        })}
        footer={
          <Button variant="primary" onClick={onClose}>
            <FormattedMessage id="account.createApiKeyDialog.done" defaultMessage="Done" />
          </Button>
        }
      >
        <div className="space-y-4 pb-2">
          <div className="flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-3.5 py-3 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
            <Icon name="alert" className="mt-0.5 size-[18px] shrink-0" />
            <p>
              <FormattedMessage
                id="account.createApiKey.copyNow"
                defaultMessage="Copy it now. For your safety Ferry stores only a hash, so this is the only time the key is shown."
              />
            </p>
          </div>
          <CopyField label={created.name} value={created.key} />
        </div>
      </Dialog>
    )
  }

  const available = SCOPES.filter((s) => !ADMIN_ONLY.includes(s.value) || me?.role === 'admin')
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage({ id: 'account.createApiKeyDialog.createApiKey', defaultMessage: 'Create API key' })}
      description={intl.formatMessage({
        id: 'account.createApiKeyDialog.giveItAName',
        defaultMessage: "Give it a name you'll recognise, and only the scopes it needs.",
      })}
    >
      <form onSubmit={submit} className="space-y-5 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'account.createApiKeyDialog.name', defaultMessage: 'Name' })}
          placeholder={intl.formatMessage({
            id: 'account.createApiKeyDialog.eGBackupScript',
            defaultMessage: 'e.g. Backup script on nas-01',
          })}
          required
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset>
          <legend className="label">
            <FormattedMessage id="account.createApiKeyDialog.scopes" defaultMessage="Scopes" />
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {available.map((scope) => (
              <label
                key={scope.value}
                className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 px-3 py-2.5 has-[:checked]:border-accent-400 has-[:checked]:bg-accent-50/60 dark:border-zinc-700 dark:has-[:checked]:border-accent-600 dark:has-[:checked]:bg-accent-950/40"
              >
                <input
                  type="checkbox"
                  className="mt-1 size-4 accent-accent-600"
                  checked={scopes.includes(scope.value)}
                  onChange={(e) =>
                    setScopes((all) =>
                      e.target.checked ? [...all, scope.value] : all.filter((s) => s !== scope.value),
                    )
                  }
                />
                <span>
                  <span className="block text-sm font-medium">{intl.formatMessage(scope.label)}</span>
                  <span className="block text-xs muted">{intl.formatMessage(scope.hint)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          label={intl.formatMessage({ id: 'account.createApiKeyDialog.expiresAfter', defaultMessage: 'Expires after' })}
          options={EXPIRY.map((o) => ({ value: o.value, label: intl.formatMessage(o.label) }))}
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        />
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>
            <FormattedMessage id="account.createApiKeyDialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!name.trim() || scopes.length === 0}>
            <FormattedMessage id="account.createApiKeyDialog.createKey" defaultMessage="Create key" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
