import { defineMessage, FormattedMessage, useIntl, type IntlShape } from 'react-intl'
import { useEffect, useState, type FormEvent } from 'react'
import { createUser, getUser, inviteUser, updateUser } from '../api/admin'
import { ApiError } from '../api/client'
import type { Invitation, Role, UserInfo } from '../api/types'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { Dialog } from '../ui/Dialog'
import { InlineError } from '../ui/ErrorNotice'
import { SelectField, TextField } from '../ui/Field'
import { useToast } from '../ui/Toasts'
import { useDialogSubmit } from '../ui/useDialogSubmit'
import {
  AccessRulesFields,
  ruleFieldOf,
  rulesBody,
  rulesText,
  type AccessRulesText,
} from '../security/AccessRulesFields'
import { ResetTwoFactor } from './ResetTwoFactor'

const ROLES = [
  { value: 'user', label: defineMessage({ id: 'admin.userDialogs.role.user', defaultMessage: 'User' }) },
  { value: 'admin', label: defineMessage({ id: 'admin.userDialogs.role.admin', defaultMessage: 'Administrator' }) },
  { value: 'guest', label: defineMessage({ id: 'admin.userDialogs.role.guest', defaultMessage: 'Guest' }) },
] as const

function roleOptions(intl: IntlShape) {
  return ROLES.map((r) => ({ value: r.value, label: intl.formatMessage(r.label) }))
}

const QUOTA_ERROR = defineMessage({
  id: 'admin.userDialogs.quotaError',
  defaultMessage: 'Enter a number of GB, or leave empty.',
})

const GB = 1000 * 1000 * 1000

/** Quota in GB as typed ("" = the default quota) to bytes, or undefined when not a number. */
export function parseQuota(text: string): number | null | undefined {
  const trimmed = text.trim()
  if (!trimmed) return null
  const value = Number(trimmed)
  return Number.isFinite(value) && value >= 0 ? Math.round(value * GB) : undefined
}

function quotaText(bytes: number | null): string {
  return bytes == null ? '' : String(Math.round((bytes / GB) * 100) / 100)
}

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined
}

export function CreateUserDialog({
  open,
  onClose,
  onDone,
}: {
  open: boolean
  onClose: () => void
  onDone: () => void
}) {
  const intl = useIntl()
  const toast = useToast()
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'user' as Role, quota: '' })
  const { busy, error, run } = useDialogSubmit(open)
  useEffect(() => {
    if (open) setForm({ email: '', name: '', password: '', role: 'user', quota: '' })
  }, [open])
  const quota = parseQuota(form.quota)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => {
      const user = await createUser({
        email: form.email.trim(),
        password: form.password,
        name: form.name.trim() || undefined,
        role: form.role,
        quota_bytes: quota ?? null,
      })
      toast.show(
        intl.formatMessage(
          { id: 'admin.userDialogs.createdEmail', defaultMessage: 'Created {email}' },
          { email: user.email },
        ),
      )
      onDone()
      onClose()
    })
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage({ id: 'admin.userDialogs.createUser', defaultMessage: 'Create user' })}
      description={intl.formatMessage({
        id: 'admin.userDialogs.giveThePersonTheir',
        defaultMessage: 'Give the person their password through a safe channel; they can change it later.',
      })}
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'admin.userDialogs.email', defaultMessage: 'Email' })}
          type="email"
          required
          autoFocus
          value={form.email}
          error={fieldError(error, 'email')}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
        />
        <TextField
          label={intl.formatMessage({ id: 'admin.userDialogs.name', defaultMessage: 'Name' })}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <TextField
          label={intl.formatMessage({ id: 'admin.userDialogs.initialPassword', defaultMessage: 'Initial password' })}
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={form.password}
          hint={intl.formatMessage({
            id: 'admin.userDialogs.atLeast12Characters',
            defaultMessage: 'At least 12 characters.',
          })}
          error={fieldError(error, 'password')}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={intl.formatMessage({ id: 'admin.userDialogs.role', defaultMessage: 'Role' })}
            options={roleOptions(intl)}
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
          />
          <TextField
            label={intl.formatMessage({ id: 'admin.userDialogs.quotaGb', defaultMessage: 'Quota (GB)' })}
            inputMode="decimal"
            placeholder={intl.formatMessage({ id: 'admin.userDialogs.default', defaultMessage: 'Default' })}
            value={form.quota}
            error={quota === undefined ? intl.formatMessage(QUOTA_ERROR) : undefined}
            onChange={(e) => setForm({ ...form, quota: e.target.value })}
          />
        </div>
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>
            <FormattedMessage id="admin.userDialogs.cancel" defaultMessage="Cancel" />
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={busy}
            disabled={!form.email || form.password.length < 12 || quota === undefined}
          >
            <FormattedMessage id="admin.userDialogs.createUser" defaultMessage="Create user" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const intl = useIntl()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('user')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [invitation, setInvitation] = useState<Invitation | null>(null)
  useEffect(() => {
    if (open) {
      setEmail('')
      setRole('user')
      setError(null)
      setBusy(false)
      setInvitation(null)
    }
  }, [open])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      setInvitation(await inviteUser({ email: email.trim(), role }))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  if (invitation) {
    return (
      <Dialog
        open={open}
        onClose={onClose}
        title={intl.formatMessage({ id: 'admin.userDialogs.invitationCreated', defaultMessage: 'Invitation created' })}
        description={intl.formatMessage(
          {
            id: 'admin.userDialogs.invitationBody',
            defaultMessage: 'Send this link to {email}. It works once, until {until, date, short}.',
          },
          { email: invitation.email, until: new Date(invitation.expires_at) },
        )}
        footer={
          <Button variant="primary" onClick={onClose}>
            <FormattedMessage id="admin.userDialogs.done" defaultMessage="Done" />
          </Button>
        }
      >
        <div className="pb-2">
          <CopyField
            label={intl.formatMessage({ id: 'admin.userDialogs.invitationLink', defaultMessage: 'Invitation link' })}
            value={invitation.url}
          />
        </div>
      </Dialog>
    )
  }
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={intl.formatMessage({ id: 'admin.userDialogs.inviteSomeone', defaultMessage: 'Invite someone' })}
      description={intl.formatMessage({
        id: 'admin.userDialogs.theyChooseTheirOwn',
        defaultMessage: 'They choose their own password when they open the link.',
      })}
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={error} />
        <TextField
          label={intl.formatMessage({ id: 'admin.userDialogs.email', defaultMessage: 'Email' })}
          type="email"
          required
          autoFocus
          value={email}
          error={fieldError(error, 'email')}
          onChange={(e) => setEmail(e.target.value)}
        />
        <SelectField
          label={intl.formatMessage({ id: 'admin.userDialogs.role', defaultMessage: 'Role' })}
          options={roleOptions(intl)}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
        />
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>
            <FormattedMessage id="admin.userDialogs.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={!email.trim()}>
            <FormattedMessage id="admin.userDialogs.createInvitation" defaultMessage="Create invitation" />
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

export function EditUserDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserInfo | null
  onClose: () => void
  onDone: () => void
}) {
  const intl = useIntl()
  const toast = useToast()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('user')
  const [quota, setQuota] = useState('')
  // The list leaves the network rules out, so they are read with the account; null until then.
  const [rules, setRules] = useState<AccessRulesText | null>(null)
  const { busy, error, setError, run } = useDialogSubmit(user)
  useEffect(() => {
    if (!user) return
    let current = true
    setName(user.name ?? '')
    setRole(user.role)
    setQuota(quotaText(user.quota_bytes ?? null))
    setRules(null)
    getUser(user.id).then(
      (full) => current && setRules(rulesText(full)),
      (e: unknown) => current && setError(e),
    )
    return () => {
      current = false
    }
  }, [user, setError])
  const quotaBytes = parseQuota(quota)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!user || quotaBytes === undefined) return
    await run(async () => {
      const updated = await updateUser(user.id, {
        name: name.trim() || null,
        role,
        quota_bytes: quotaBytes,
        ...(rules ? rulesBody(rules) : {}),
      })
      toast.show(
        intl.formatMessage(
          { id: 'admin.userDialogs.savedEmail', defaultMessage: 'Saved {email}' },
          { email: updated.email },
        ),
      )
      onDone()
      onClose()
    })
  }

  return (
    <Dialog
      open={user !== null}
      onClose={onClose}
      title={intl.formatMessage({ id: 'admin.userDialogs.editUser', defaultMessage: 'Edit user' })}
      description={user?.email}
    >
      <form onSubmit={submit} className="space-y-4 pb-2">
        <InlineError error={ruleFieldOf(error) ? null : error} />
        <TextField
          label={intl.formatMessage({ id: 'admin.userDialogs.name', defaultMessage: 'Name' })}
          value={name}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={intl.formatMessage({ id: 'admin.userDialogs.role', defaultMessage: 'Role' })}
            options={roleOptions(intl)}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
          />
          <TextField
            label={intl.formatMessage({ id: 'admin.userDialogs.quotaGb', defaultMessage: 'Quota (GB)' })}
            inputMode="decimal"
            placeholder={intl.formatMessage({ id: 'admin.userDialogs.default', defaultMessage: 'Default' })}
            value={quota}
            error={quotaBytes === undefined ? intl.formatMessage(QUOTA_ERROR) : undefined}
            onChange={(e) => setQuota(e.target.value)}
          />
        </div>
        {rules ? (
          <AccessRulesFields
            value={rules}
            onChange={setRules}
            error={error}
            networksHint={intl.formatMessage({
              id: 'admin.userDialogs.networksHint',
              defaultMessage: 'Sign-in and every request only from these addresses (CIDR). Empty: from anywhere.',
            })}
          />
        ) : (
          <p className="text-sm muted">
            <FormattedMessage id="admin.userDialogs.loadingNetworkAccess" defaultMessage="Loading network access…" />
          </p>
        )}
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>
            <FormattedMessage id="admin.userDialogs.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="primary" busy={busy} disabled={quotaBytes === undefined}>
            <FormattedMessage id="admin.userDialogs.saveChanges" defaultMessage="Save changes" />
          </Button>
        </div>
      </form>
      {user && <ResetTwoFactor key={user.id} user={user} />}
    </Dialog>
  )
}
