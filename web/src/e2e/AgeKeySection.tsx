import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { ApiError } from '../api/client'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Section } from '../ui/PageHeader'
import { localized } from './errors'
import { createAgeKey, getAgeKey, passkeyWrapOffered, wrappedByPasskey, type KeyWrap } from './keys'

/**
 * The account's age key: others encrypt transfers to its recipient; the identity is wrapped
 * here, by a passkey's PRF where the browser offers it, else (or by choice) by a passphrase.
 */
export function AgeKeySection() {
  const intl = useIntl()
  const queries = useQueryClient()
  const key = useQuery({
    queryKey: ['e2e-key'],
    queryFn: () => getAgeKey().catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  })
  const passkey = useQuery({ queryKey: ['e2e-passkey-wrap'], queryFn: passkeyWrapOffered, staleTime: Infinity })
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState<'passphrase' | 'passkey' | null>(null)
  const [error, setError] = useState<unknown>(null)
  const create = async (wrap: KeyWrap) => {
    setBusy('passphrase' in wrap ? 'passphrase' : 'passkey')
    setError(null)
    try {
      await createAgeKey(wrap)
      setPassphrase('')
      await queries.invalidateQueries({ queryKey: ['e2e-key'] })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  const withPassphrase = (event: FormEvent) => {
    event.preventDefault()
    if (passphrase.length < 10)
      return setError(
        new Error(
          intl.formatMessage({
            id: 'e2e.key.passphraseTooShort',
            defaultMessage: 'Use a key passphrase of at least 10 characters.',
          }),
        ),
      )
    void create({ passphrase })
  }
  return (
    <Section
      title={intl.formatMessage({ id: 'e2e.key.title', defaultMessage: 'End-to-end encryption key' })}
      description={intl.formatMessage({
        id: 'e2e.key.description',
        defaultMessage:
          'People on this server can send you files encrypted to this key. It is made in your browser and stored only wrapped by a passkey or your key passphrase.',
      })}
    >
      <div className="space-y-4 px-5 py-5 sm:px-6">
        {key.data ? (
          <p className="text-sm">
            <FormattedMessage
              id="e2e.key.recipient"
              defaultMessage="Your recipient: <code>{recipient}</code>"
              values={{
                recipient: key.data.recipient,
                code: (chunks) => (
                  <code className="break-all" dir="ltr">
                    {chunks}
                  </code>
                ),
              }}
            />
            <span className="block muted">
              {wrappedByPasskey(key.data) ? (
                <FormattedMessage id="e2e.key.byPasskey" defaultMessage="Wrapped by a passkey in this browser." />
              ) : (
                <FormattedMessage id="e2e.key.byPassphrase" defaultMessage="Wrapped by your key passphrase." />
              )}
            </span>
          </p>
        ) : (
          <>
            {passkey.data && (
              <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
                <Button
                  variant="primary"
                  icon="key"
                  busy={busy === 'passkey'}
                  disabled={busy !== null}
                  onClick={() =>
                    void create({
                      passkey: intl.formatMessage(
                        { id: 'e2e.key.passkeyName', defaultMessage: 'Ferry encryption key ({host})' },
                        { host: window.location.host },
                      ),
                    })
                  }
                >
                  <FormattedMessage id="e2e.key.createWithPasskey" defaultMessage="Create key with a passkey" />
                </Button>
                <span className="text-sm muted">
                  <FormattedMessage
                    id="e2e.key.passkeyHint"
                    defaultMessage="A new passkey unlocks it; nothing to remember or type."
                  />
                </span>
              </div>
            )}
            <form className="flex flex-col gap-3 sm:flex-row sm:items-end" onSubmit={withPassphrase}>
              <TextField
                label={intl.formatMessage({ id: 'e2e.key.passphrase', defaultMessage: 'Key passphrase' })}
                type="password"
                autoComplete="new-password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                hint={intl.formatMessage({
                  id: 'e2e.key.passphraseHint',
                  defaultMessage: 'Not your sign-in password. Without it, files sent to your key cannot be opened.',
                })}
              />
              <Button type="submit" variant={passkey.data ? 'secondary' : 'primary'} icon="key" busy={busy === 'passphrase'} disabled={busy !== null}>
                <FormattedMessage id="e2e.key.create" defaultMessage="Create encryption key" />
              </Button>
            </form>
          </>
        )}
        <InlineError error={localized(intl, error ?? key.error)} />
      </div>
    </Section>
  )
}
