import { useIntl } from 'react-intl'
import { useState } from 'react'
import { TextField } from '../ui/Field'

export const MIN_PASSWORD_LENGTH = 12

export interface PasswordPair {
  password: string
  confirm: string
  setPassword: (value: string) => void
  setConfirm: (value: string) => void
  valid: boolean
  mismatch: boolean
  tooShort: boolean
}

export function usePasswordPair(): PasswordPair {
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const tooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH
  const mismatch = confirm.length > 0 && confirm !== password
  return {
    password,
    confirm,
    setPassword,
    setConfirm,
    tooShort,
    mismatch,
    valid: password.length >= MIN_PASSWORD_LENGTH && confirm === password,
  }
}

export function PasswordFields({ pair, serverError }: { pair: PasswordPair; serverError?: string | undefined }) {
  const intl = useIntl()
  const min = { min: MIN_PASSWORD_LENGTH }
  return (
    <>
      <TextField
        label={intl.formatMessage({ id: 'auth.password.label', defaultMessage: 'Password' })}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={pair.password}
        hint={intl.formatMessage(
          {
            id: 'auth.password.hint',
            defaultMessage: 'At least {min} characters. A short sentence is easy to remember and hard to guess.',
          },
          min,
        )}
        error={
          pair.tooShort
            ? intl.formatMessage(
                { id: 'auth.password.tooShort', defaultMessage: 'Use at least {min} characters.' },
                min,
              )
            : serverError
        }
        onChange={(e) => pair.setPassword(e.target.value)}
      />
      <TextField
        label={intl.formatMessage({ id: 'auth.password.repeat', defaultMessage: 'Repeat password' })}
        type="password"
        autoComplete="new-password"
        required
        value={pair.confirm}
        error={
          pair.mismatch
            ? intl.formatMessage({ id: 'auth.password.mismatch', defaultMessage: 'The passwords do not match.' })
            : undefined
        }
        onChange={(e) => pair.setConfirm(e.target.value)}
      />
    </>
  )
}
