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
  return (
    <>
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={pair.password}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
        error={pair.tooShort ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : serverError}
        onChange={(e) => pair.setPassword(e.target.value)}
      />
      <TextField
        label="Repeat password"
        type="password"
        autoComplete="new-password"
        required
        value={pair.confirm}
        error={pair.mismatch ? 'The passwords do not match.' : undefined}
        onChange={(e) => pair.setConfirm(e.target.value)}
      />
    </>
  )
}
