import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { getSecurityPolicy, saveSecurityPolicy, type SecurityPolicy } from '../api/admin'
import type { Role } from '../api/types'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { PageHeader, Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'
import { formatPolicy, parsePolicy, ROLES, type Coverage } from './policy'

const ROLE_LABELS: Record<Role, string> = { admin: 'Administrators', user: 'Users', guest: 'Guests' }

const CHOICES: { value: Coverage; label: string; hint: string }[] = [
  { value: 'none', label: 'Nobody', hint: 'Everyone may turn two-factor authentication on for themselves.' },
  { value: 'all', label: 'Everyone', hint: 'Every account must set up a second factor at its next sign-in.' },
  { value: 'roles', label: 'Some roles', hint: 'Only accounts with the roles ticked below.' },
]

export function SecurityPolicyPage() {
  const policy = useQuery({ queryKey: ['security-policy'], queryFn: getSecurityPolicy })
  return (
    <>
      <PageHeader title="Security policy" description="Who must use two-factor authentication on this server." />
      {policy.isPending ? (
        <PageSpinner label="Loading the policy" />
      ) : policy.isError ? (
        <ErrorNotice error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <PolicyForm key={policy.data.require_2fa + policy.data.source} policy={policy.data} />
      )}
    </>
  )
}

function PolicyForm({ policy }: { policy: SecurityPolicy }) {
  const queries = useQueryClient()
  const toast = useToast()
  const initial = parsePolicy(policy.require_2fa)
  const [coverage, setCoverage] = useState<Coverage>(initial.coverage)
  const [roles, setRoles] = useState<Role[]>(initial.roles)
  const value = formatPolicy(coverage, roles)
  const save = useMutation({
    mutationFn: () => saveSecurityPolicy(value),
    onSuccess: (saved) => {
      queries.setQueryData(['security-policy'], saved)
      toast.show('Security policy saved')
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate()
  }
  const toggle = (role: Role, on: boolean) =>
    setRoles((current) => (on ? [...current, role] : current.filter((r) => r !== role)))

  return (
    <Section
      title="Two-factor authentication"
      description="Covered accounts without a second factor are sent to set one up right after signing in, and can do nothing else until they have."
      actions={
        policy.source === 'admin' ? (
          <Badge tone="accent">Set here</Badge>
        ) : (
          <Badge tone="neutral">From FERRY_REQUIRE_2FA</Badge>
        )
      }
    >
      <form onSubmit={submit} className="space-y-5 px-5 py-5 sm:px-6">
        <fieldset className="space-y-2">
          <legend className="label">Require a second factor for</legend>
          {CHOICES.map((choice) => (
            <label
              key={choice.value}
              className="flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-200 px-4 py-3 has-checked:border-accent-500 has-checked:bg-accent-50/60 dark:border-zinc-700 dark:has-checked:border-accent-500 dark:has-checked:bg-accent-950/40"
            >
              <input
                type="radio"
                name="coverage"
                value={choice.value}
                checked={coverage === choice.value}
                onChange={() => setCoverage(choice.value)}
                className="mt-1 accent-accent-600 dark:accent-accent-400"
              />
              <span>
                <span className="block font-medium">{choice.label}</span>
                <span className="block text-sm muted">{choice.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {coverage === 'roles' && (
          <fieldset className="flex flex-wrap gap-x-6 gap-y-2 pl-1">
            <legend className="sr-only">Roles that must use a second factor</legend>
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(e) => toggle(role, e.target.checked)}
                  className="size-4 accent-accent-600 dark:accent-accent-400"
                />
                {ROLE_LABELS[role]}
              </label>
            ))}
          </fieldset>
        )}
        <p className="text-sm muted">
          {policy.source === 'admin'
            ? 'An administrator set this here; it overrides FERRY_REQUIRE_2FA on every node.'
            : 'This comes from FERRY_REQUIRE_2FA. Saving here overrides it on every node.'}{' '}
          Password rules and session timeouts are set through the server's environment (see the configuration docs).
        </p>
        <InlineError error={save.error} />
        <Button
          type="submit"
          variant="primary"
          busy={save.isPending}
          disabled={value === policy.require_2fa && policy.source === 'admin'}
        >
          Save policy
        </Button>
      </form>
    </Section>
  )
}
