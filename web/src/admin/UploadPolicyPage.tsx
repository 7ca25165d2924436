import { FormattedMessage, useIntl } from 'react-intl'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { adminUploadPolicy, saveUploadPolicy, type UploadRule } from '../api/uploadPolicy'
import { Button } from '../ui/Button'
import { EmptyState } from '../ui/EmptyState'
import { TextField } from '../ui/Field'
import { errorMessage, ErrorNotice } from '../ui/ErrorNotice'
import { PageHeader } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

/** A rule as the form edits it: lists as comma-separated text, sizes as text. */
interface Draft {
  key: number
  name: string
  roles: string
  allowed_types: string
  denied_types: string
  allowed_extensions: string
  denied_extensions: string
  min_size: string
  max_size: string
}

const LISTS = ['roles', 'allowed_types', 'denied_types', 'allowed_extensions', 'denied_extensions'] as const

let nextKey = 1

function toDraft(rule: UploadRule): Draft {
  return {
    key: nextKey++,
    name: rule.name ?? '',
    roles: (rule.roles ?? []).join(', '),
    allowed_types: (rule.allowed_types ?? []).join(', '),
    denied_types: (rule.denied_types ?? []).join(', '),
    allowed_extensions: (rule.allowed_extensions ?? []).join(', '),
    denied_extensions: (rule.denied_extensions ?? []).join(', '),
    min_size: rule.min_size != null ? String(rule.min_size) : '',
    max_size: rule.max_size != null ? String(rule.max_size) : '',
  }
}

const split = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)

const size = (text: string) => (text.trim() === '' ? null : Number(text.trim()))

export function toRule(draft: Draft): UploadRule {
  const rule: UploadRule = { min_size: size(draft.min_size), max_size: size(draft.max_size) }
  if (draft.name.trim()) rule.name = draft.name.trim()
  for (const list of LISTS) rule[list] = split(draft[list])
  return rule
}

/**
 * The deployment's upload policy: rules on detected type, extension and size, per role.
 * The server checks every rule on every upload path; the Files page checks names and sizes
 * before sending.
 */
export function UploadPolicyPage() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const policy = useQuery({ queryKey: ['admin-upload-policy'], queryFn: adminUploadPolicy })
  const [drafts, setDrafts] = useState<Draft[] | null>(null)
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (policy.data && drafts === null) setDrafts(policy.data.map(toDraft))
  }, [policy.data, drafts])

  if (policy.isPending)
    return (
      <PageSpinner
        label={intl.formatMessage({
          id: 'admin.uploadPolicyPage.loadingTheUploadPolicy',
          defaultMessage: 'Loading the upload policy',
        })}
      />
    )
  if (policy.isError)
    return (
      <ErrorNotice
        error={policy.error}
        title={intl.formatMessage({
          id: 'admin.uploadPolicyPage.couldNotLoadThe',
          defaultMessage: 'Could not load the upload policy',
        })}
        onRetry={() => void policy.refetch()}
      />
    )
  const rules = drafts ?? []
  const change = (key: number, field: keyof Omit<Draft, 'key'>, value: string) =>
    setDrafts(rules.map((d) => (d.key === key ? { ...d, [field]: value } : d)))

  const save = () => {
    const bad = rules.findIndex((d) => [d.min_size, d.max_size].some((t) => t.trim() !== '' && !/^\d+$/.test(t.trim())))
    if (bad >= 0) {
      setError(
        intl.formatMessage(
          { id: 'admin.uploadPolicy.badSize', defaultMessage: 'Rule {number}: sizes are whole numbers of bytes.' },
          { number: bad + 1 },
        ),
      )
      return
    }
    setSaving(true)
    setError(null)
    saveUploadPolicy(rules.map(toRule))
      .then((saved) => {
        setDrafts(saved.map(toDraft))
        void queries.invalidateQueries({ queryKey: ['upload-policy'] })
        toast.show(
          saved.length === 0
            ? intl.formatMessage({ id: 'admin.uploadPolicy.cleared', defaultMessage: 'Upload policy cleared' })
            : intl.formatMessage({ id: 'admin.uploadPolicy.saved', defaultMessage: 'Upload policy saved' }),
        )
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setSaving(false))
  }

  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: 'admin.uploadPolicyPage.uploadPolicy', defaultMessage: 'Upload policy' })}
        description={intl.formatMessage({
          id: 'admin.uploadPolicyPage.whichFilesMayBe',
          defaultMessage:
            'Which files may be uploaded, judged by content (not the name), extension and size. A rule without roles applies to everyone; every rule that applies must allow the file.',
        })}
        actions={
          <>
            <Button variant="ghost" icon="plus" onClick={() => setDrafts([...rules, toDraft({})])}>
              <FormattedMessage id="admin.uploadPolicyPage.addRule" defaultMessage="Add rule" />
            </Button>
            <Button icon="check" busy={saving} onClick={save}>
              <FormattedMessage id="admin.uploadPolicyPage.save" defaultMessage="Save" />
            </Button>
          </>
        }
      />
      {error && (
        <p
          role="alert"
          className="mb-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 dark:bg-red-950/60 dark:text-red-300"
        >
          {error}
        </p>
      )}
      {rules.length === 0 ? (
        <section className="card">
          <EmptyState
            icon="filter"
            title={intl.formatMessage({ id: 'admin.uploadPolicyPage.noRules', defaultMessage: 'No rules' })}
          >
            <FormattedMessage
              id="admin.uploadPolicyPage.anyFileMayBe"
              defaultMessage="Any file may be uploaded (within quotas). Add a rule to restrict types, extensions or sizes."
            />
          </EmptyState>
        </section>
      ) : (
        <ol
          className="space-y-4"
          aria-label={intl.formatMessage({ id: 'admin.uploadPolicyPage.rules', defaultMessage: 'Rules' })}
        >
          {rules.map((draft, index) => (
            <li key={draft.key} className="card p-4">
              <div className="mb-3 flex items-center justify-between gap-3">
                <h2 className="text-base font-semibold">
                  <FormattedMessage
                    id="admin.uploadPolicy.ruleHeading"
                    defaultMessage="{named, select, yes {Rule {number} · {name}} other {Rule {number}}}"
                    values={{ number: index + 1, named: draft.name.trim() ? 'yes' : 'no', name: draft.name.trim() }}
                  />
                </h2>
                <Button
                  size="sm"
                  variant="danger-ghost"
                  icon="trash"
                  onClick={() => setDrafts(rules.filter((d) => d.key !== draft.key))}
                >
                  <FormattedMessage id="admin.uploadPolicyPage.remove" defaultMessage="Remove" />
                </Button>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  label={intl.formatMessage({ id: 'admin.uploadPolicyPage.name', defaultMessage: 'Name' })}
                  value={draft.name}
                  onChange={(e) => change(draft.key, 'name', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({ id: 'admin.uploadPolicyPage.roles', defaultMessage: 'Roles' })}
                  hint={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.adminUserGuestEmpty',
                    defaultMessage: 'admin, user, guest; empty for everyone',
                  })}
                  value={draft.roles}
                  onChange={(e) => change(draft.key, 'roles', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.allowedTypes',
                    defaultMessage: 'Allowed types',
                  })}
                  hint={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.detectedFromTheContent',
                    defaultMessage: 'detected from the content, such as text/plain, image/*',
                  })}
                  value={draft.allowed_types}
                  onChange={(e) => change(draft.key, 'allowed_types', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.deniedTypes',
                    defaultMessage: 'Denied types',
                  })}
                  value={draft.denied_types}
                  onChange={(e) => change(draft.key, 'denied_types', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.allowedExtensions',
                    defaultMessage: 'Allowed extensions',
                  })}
                  hint={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.suchAsTxtTar',
                    defaultMessage: 'such as .txt, .tar.gz',
                  })}
                  value={draft.allowed_extensions}
                  onChange={(e) => change(draft.key, 'allowed_extensions', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.deniedExtensions',
                    defaultMessage: 'Denied extensions',
                  })}
                  value={draft.denied_extensions}
                  onChange={(e) => change(draft.key, 'denied_extensions', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.smallestSizeBytes',
                    defaultMessage: 'Smallest size (bytes)',
                  })}
                  inputMode="numeric"
                  value={draft.min_size}
                  onChange={(e) => change(draft.key, 'min_size', e.target.value)}
                />
                <TextField
                  label={intl.formatMessage({
                    id: 'admin.uploadPolicyPage.largestSizeBytes',
                    defaultMessage: 'Largest size (bytes)',
                  })}
                  inputMode="numeric"
                  value={draft.max_size}
                  onChange={(e) => change(draft.key, 'max_size', e.target.value)}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
