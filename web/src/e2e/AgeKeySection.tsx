import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { ApiError } from '../api/client'
import { Button } from '../ui/Button'
import { InlineError } from '../ui/ErrorNotice'
import { TextField } from '../ui/Field'
import { Section } from '../ui/PageHeader'
import { createAgeKey, getAgeKey } from './keys'

/** The account's age key: others encrypt transfers to its recipient; the identity is wrapped by a passphrase here. */
export function AgeKeySection() {
  const queries = useQueryClient()
  const key = useQuery({
    queryKey: ['e2e-key'],
    queryFn: () => getAgeKey().catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e))),
  })
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const create = async (event: FormEvent) => {
    event.preventDefault()
    if (passphrase.length < 10) return setError(new Error('Use a key passphrase of at least 10 characters.'))
    setBusy(true)
    setError(null)
    try {
      await createAgeKey(passphrase)
      setPassphrase('')
      await queries.invalidateQueries({ queryKey: ['e2e-key'] })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section
      title="End-to-end encryption key"
      description="People on this server can send you files encrypted to this key. It is made in your browser and stored only wrapped by your key passphrase."
    >
      <div className="px-5 py-5 sm:px-6">
        {key.data ? (
          <p className="text-sm">
            Your recipient: <code className="break-all">{key.data.recipient}</code>
          </p>
        ) : (
          <form className="flex flex-col gap-3 sm:flex-row sm:items-end" onSubmit={(e) => void create(e)}>
            <TextField
              label="Key passphrase"
              type="password"
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              hint="Not your sign-in password. Without it, files sent to your key cannot be opened."
            />
            <Button type="submit" variant="primary" icon="key" busy={busy}>
              Create encryption key
            </Button>
          </form>
        )}
        <InlineError error={error ?? key.error} />
      </div>
    </Section>
  )
}
