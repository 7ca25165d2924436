import { defineMessage, defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl'
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

const ROLE_LABELS = defineMessages({
  admin: { id: 'security.policy.role.admin', defaultMessage: 'Administrators' },
  user: { id: 'security.policy.role.user', defaultMessage: 'Users' },
  guest: { id: 'security.policy.role.guest', defaultMessage: 'Guests' },
} satisfies Record<Role, MessageDescriptor>)

const CHOICES: { value: Coverage; label: MessageDescriptor; hint: MessageDescriptor }[] = [
  {
    value: 'none',
    label: defineMessage({ id: 'security.policy.coverage.none', defaultMessage: 'Nobody' }),
    hint: defineMessage({
      id: 'security.policy.coverage.noneHint',
      defaultMessage: 'Everyone may turn two-factor authentication on for themselves.',
    }),
  },
  {
    value: 'all',
    label: defineMessage({ id: 'security.policy.coverage.all', defaultMessage: 'Everyone' }),
    hint: defineMessage({
      id: 'security.policy.coverage.allHint',
      defaultMessage: 'Every account must set up a second factor at its next sign-in.',
    }),
  },
  {
    value: 'roles',
    label: defineMessage({ id: 'security.policy.coverage.roles', defaultMessage: 'Some roles' }),
    hint: defineMessage({
      id: 'security.policy.coverage.rolesHint',
      defaultMessage: 'Only accounts with the roles ticked below.',
    }),
  },
]

export function SecurityPolicyPage() {
  const intl = useIntl()
  const policy = useQuery({ queryKey: ['security-policy'], queryFn: getSecurityPolicy })
  return (
    <>
      <PageHeader
        title={intl.formatMessage({
          id: 'security.securityPolicyPage.securityPolicy',
          defaultMessage: 'Security policy',
        })}
        description={intl.formatMessage({
          id: 'security.securityPolicyPage.whoMustUseTwo',
          defaultMessage: 'Who must use two-factor authentication on this server.',
        })}
      />
      {policy.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'security.securityPolicyPage.loadingThePolicy',
            defaultMessage: 'Loading the policy',
          })}
        />
      ) : policy.isError ? (
        <ErrorNotice error={policy.error} onRetry={() => void policy.refetch()} />
      ) : (
        <PolicyForm key={policy.data.require_2fa + policy.data.source} policy={policy.data} />
      )}
    </>
  )
}

function PolicyForm({ policy }: { policy: SecurityPolicy }) {
  const intl = useIntl()
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
      toast.show(
        intl.formatMessage({
          id: 'security.securityPolicyPage.securityPolicySaved',
          defaultMessage: 'Security policy saved',
        }),
      )
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
      title={intl.formatMessage({
        id: 'security.securityPolicyPage.twoFactorAuthentication',
        defaultMessage: 'Two-factor authentication',
      })}
      description={intl.formatMessage({
        id: 'security.securityPolicyPage.coveredAccountsWithoutA',
        defaultMessage:
          'Covered accounts without a second factor are sent to set one up right after signing in, and can do nothing else until they have.',
      })}
      actions={
        policy.source === 'admin' ? (
          <Badge tone="accent">
            <FormattedMessage id="security.securityPolicyPage.setHere" defaultMessage="Set here" />
          </Badge>
        ) : (
          <Badge tone="neutral">
            <FormattedMessage
              id="security.securityPolicyPage.fromFerryRequire2fa"
              defaultMessage="From FERRY_REQUIRE_2FA"
            />
          </Badge>
        )
      }
    >
      <form onSubmit={submit} className="space-y-5 px-5 py-5 sm:px-6">
        <fieldset className="space-y-2">
          <legend className="label">
            <FormattedMessage
              id="security.securityPolicyPage.requireASecondFactor"
              defaultMessage="Require a second factor for"
            />
          </legend>
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
                <span className="block font-medium">{intl.formatMessage(choice.label)}</span>
                <span className="block text-sm muted">{intl.formatMessage(choice.hint)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {coverage === 'roles' && (
          <fieldset className="flex flex-wrap gap-x-6 gap-y-2 ps-1">
            <legend className="sr-only">
              <FormattedMessage
                id="security.securityPolicyPage.rolesThatMustUse"
                defaultMessage="Roles that must use a second factor"
              />
            </legend>
            {ROLES.map((role) => (
              <label key={role} className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={roles.includes(role)}
                  onChange={(e) => toggle(role, e.target.checked)}
                  className="size-4 accent-accent-600 dark:accent-accent-400"
                />
                {intl.formatMessage(ROLE_LABELS[role])}
              </label>
            ))}
          </fieldset>
        )}
        <p className="text-sm muted">
          {policy.source === 'admin' ? (
            <FormattedMessage
              id="security.policy.sourceAdmin"
              defaultMessage="An administrator set this here; it overrides FERRY_REQUIRE_2FA on every node. Password rules and session timeouts are set through the server's environment (see the configuration docs)."
            />
          ) : (
            <FormattedMessage
              id="security.policy.sourceEnv"
              defaultMessage="This comes from FERRY_REQUIRE_2FA. Saving here overrides it on every node. Password rules and session timeouts are set through the server's environment (see the configuration docs)."
            />
          )}
        </p>
        <InlineError error={save.error} />
        <Button
          type="submit"
          variant="primary"
          busy={save.isPending}
          disabled={value === policy.require_2fa && policy.source === 'admin'}
        >
          <FormattedMessage id="security.securityPolicyPage.savePolicy" defaultMessage="Save policy" />
        </Button>
      </form>
    </Section>
  )
}
