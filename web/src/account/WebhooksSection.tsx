import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import {
  createWebhook,
  deleteWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  WEBHOOK_EVENTS,
  type Webhook,
} from '../api/account'
import { formatRelative } from '../lib/format'
import { Badge } from '../ui/Badge'
import { Button } from '../ui/Button'
import { CopyField } from '../ui/CopyField'
import { EmptyState } from '../ui/EmptyState'
import { errorMessage, ErrorNotice, InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Section } from '../ui/PageHeader'
import { PageSpinner } from '../ui/Spinner'
import { useToast } from '../ui/Toasts'

// Delivery statuses the server reports, named for people.
const DELIVERY_STATUS = defineMessages({
  pending: { id: 'account.webhooksSection.status.pending', defaultMessage: 'pending' },
  delivered: { id: 'account.webhooksSection.status.delivered', defaultMessage: 'delivered' },
  failed: { id: 'account.webhooksSection.status.failed', defaultMessage: 'failed' },
})

function Deliveries({ hook }: { hook: Webhook }) {
  const intl = useIntl()
  const toast = useToast()
  const queries = useQueryClient()
  const log = useQuery({ queryKey: ['webhook-deliveries', hook.id], queryFn: () => listDeliveries(hook.id) })
  const replay = useMutation({
    mutationFn: (delivery: string) => replayDelivery(hook.id, delivery),
    onSuccess: () =>
      toast.show(
        intl.formatMessage({
          id: 'account.webhooksSection.deliveryQueuedAgain',
          defaultMessage: 'Delivery queued again',
        }),
      ),
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: () => queries.invalidateQueries({ queryKey: ['webhook-deliveries', hook.id] }),
  })
  if (log.isPending)
    return (
      <PageSpinner
        label={intl.formatMessage({
          id: 'account.webhooksSection.loadingDeliveries',
          defaultMessage: 'Loading deliveries',
        })}
      />
    )
  if (log.isError) return <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />
  if (log.data.length === 0)
    return (
      <p className="px-5 py-3 text-sm muted sm:px-6">
        <FormattedMessage id="account.webhooksSection.noDeliveriesYet" defaultMessage="No deliveries yet." />
      </p>
    )
  return (
    <ul
      className="divide-y divide-zinc-100 bg-zinc-50/60 dark:divide-zinc-800 dark:bg-zinc-900/40"
      aria-label={intl.formatMessage({ id: 'account.webhooksSection.deliveries', defaultMessage: 'Deliveries' })}
    >
      {log.data.map((d) => (
        <li key={d.id} className="flex items-center gap-3 px-5 py-2.5 text-sm sm:px-6">
          <Badge tone={d.status === 'delivered' ? 'green' : d.status === 'failed' ? 'red' : 'neutral'}>
            {intl.formatMessage(DELIVERY_STATUS[d.status as keyof typeof DELIVERY_STATUS] ?? DELIVERY_STATUS.pending)}
          </Badge>
          <code className="kbd">{d.event_type}</code>
          <span className="muted">
            {d.response_code ? (
              <FormattedMessage
                id="account.webhooksSection.httpStatus"
                defaultMessage="HTTP {code}"
                values={{ code: d.response_code }}
              />
            ) : (
              (d.last_error ?? intl.formatMessage(DELIVERY_STATUS.pending))
            )}
          </span>
          <span className="muted">
            <FormattedMessage
              id="account.webhooksSection.attempts"
              defaultMessage="· {count, plural, one {# attempt} other {# attempts}} · {when}"
              values={{ count: d.attempts, when: formatRelative(d.created_at) }}
            />
          </span>
          <span className="flex-1" />
          <Button size="sm" onClick={() => replay.mutate(d.id)} busy={replay.isPending && replay.variables === d.id}>
            <FormattedMessage id="account.webhooksSection.replay" defaultMessage="Replay" />
          </Button>
        </li>
      ))}
    </ul>
  )
}

/** Webhooks of the account (docs/webhooks.md): create (the secret shown once), deliveries, replay. */
export function WebhooksSection() {
  const intl = useIntl()
  const queries = useQueryClient()
  const toast = useToast()
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<string[]>(['file.uploaded'])
  const [secret, setSecret] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const hooks = useQuery({ queryKey: ['webhooks'], queryFn: listWebhooks })
  const refresh = () => queries.invalidateQueries({ queryKey: ['webhooks'] })
  const create = useMutation({
    mutationFn: () => createWebhook({ url: url.trim(), events }),
    onSuccess: (hook) => {
      setSecret(hook.secret ?? null)
      setUrl('')
    },
    onSettled: refresh,
  })
  const remove = useMutation({
    mutationFn: (hook: Webhook) => deleteWebhook(hook.id),
    onSuccess: () =>
      toast.show(
        intl.formatMessage({ id: 'account.webhooksSection.webhookDeleted', defaultMessage: 'Webhook deleted' }),
      ),
    onError: (e) => toast.show(errorMessage(e), 'error'),
    onSettled: refresh,
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate()
  }

  return (
    <Section
      title={intl.formatMessage({ id: 'account.webhooksSection.webhooks', defaultMessage: 'Webhooks' })}
      description={intl.formatMessage({
        id: 'account.webhooksSection.signedHttpCallsStandard',
        defaultMessage: 'Signed HTTP calls (Standard Webhooks) to your endpoint when things happen.',
      })}
    >
      {secret && (
        <div className="space-y-2 border-b border-zinc-100 px-5 py-4 sm:px-6 dark:border-zinc-800">
          <p className="text-sm">
            <FormattedMessage
              id="account.webhooksSection.copyTheSigningSecret"
              defaultMessage="Copy the signing secret now: it is shown only this once."
            />
          </p>
          <CopyField
            label={intl.formatMessage({
              id: 'account.webhooksSection.signingSecret',
              defaultMessage: 'Signing secret',
            })}
            value={secret}
          />
        </div>
      )}
      {hooks.isPending ? (
        <PageSpinner
          label={intl.formatMessage({
            id: 'account.webhooksSection.loadingWebhooks',
            defaultMessage: 'Loading webhooks',
          })}
        />
      ) : hooks.isError ? (
        <ErrorNotice error={hooks.error} onRetry={() => void hooks.refetch()} />
      ) : hooks.data.length === 0 ? (
        <EmptyState
          compact
          icon="link"
          title={intl.formatMessage({ id: 'account.webhooksSection.noWebhooksYet', defaultMessage: 'No webhooks yet' })}
        >
          <FormattedMessage
            id="account.webhooksSection.addAnEndpointBelow"
            defaultMessage="Add an endpoint below to hear about uploads, transfers and downloads."
          />
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-zinc-100 dark:divide-zinc-800"
          aria-label={intl.formatMessage({ id: 'account.webhooksSection.webhooks', defaultMessage: 'Webhooks' })}
        >
          {hooks.data.map((hook) => (
            <li key={hook.id}>
              <div className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:px-6">
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="truncate font-mono text-sm" title={hook.url}>
                      {hook.url}
                    </span>
                    {!hook.enabled && (
                      <Badge tone="red">
                        <FormattedMessage id="account.webhooksSection.turnedOff" defaultMessage="Turned off" />
                      </Badge>
                    )}
                  </p>
                  <p className="mt-1 flex flex-wrap gap-1">
                    {hook.events.map((e) => (
                      <Badge key={e}>{e}</Badge>
                    ))}
                  </p>
                </div>
                <Button size="sm" onClick={() => setOpen(open === hook.id ? null : hook.id)}>
                  {open === hook.id ? (
                    <FormattedMessage id="account.webhooksSection.hideDeliveries" defaultMessage="Hide deliveries" />
                  ) : (
                    <FormattedMessage id="account.webhooksSection.deliveries" defaultMessage="Deliveries" />
                  )}
                </Button>
                <Button size="sm" variant="danger-ghost" onClick={() => remove.mutate(hook)}>
                  <FormattedMessage id="account.webhooksSection.delete" defaultMessage="Delete" />
                </Button>
              </div>
              {open === hook.id && <Deliveries hook={hook} />}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="space-y-4 border-t border-zinc-100 px-5 py-5 sm:px-6 dark:border-zinc-800">
        <InlineError error={create.error} />
        <TextField
          label={intl.formatMessage({ id: 'account.webhooksSection.endpointUrl', defaultMessage: 'Endpoint URL' })}
          type="url"
          placeholder={intl.formatMessage({
            id: 'account.webhooksSection.httpsExampleComFerry',
            defaultMessage: 'https://example.com/ferry-hook',
          })}
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <fieldset>
          <legend className="label">
            <FormattedMessage id="account.webhooksSection.events" defaultMessage="Events" />
          </legend>
          <div className="grid gap-2 sm:grid-cols-3">
            {WEBHOOK_EVENTS.map((e) => (
              <label key={e} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-accent-600"
                  checked={events.includes(e)}
                  onChange={(ev) => setEvents((all) => (ev.target.checked ? [...all, e] : all.filter((x) => x !== e)))}
                />
                <code>{e}</code>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end">
          <Button
            type="submit"
            variant="primary"
            icon="plus"
            busy={create.isPending}
            disabled={!url.trim() || events.length === 0}
          >
            <FormattedMessage id="account.webhooksSection.addWebhook" defaultMessage="Add webhook" />
          </Button>
        </div>
      </form>
    </Section>
  )
}
