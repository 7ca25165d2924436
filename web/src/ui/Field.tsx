import {
  useId,
  type ComponentPropsWithRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react'

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string
  hint?: ReactNode
  error?: string | undefined
}

export function TextField({ label, hint, error, id, className = '', ...rest }: FieldProps) {
  const generated = useId()
  const inputId = id ?? generated
  const hintId = `${inputId}-hint`
  const errorId = `${inputId}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={className}>
      <label htmlFor={inputId} className="label">
        {label}
      </label>
      <input
        id={inputId}
        className="field"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint && !error && (
        <p id={hintId} className="mt-1.5 text-sm muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  )
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string
  hideLabel?: boolean
  options: readonly { value: string; label: string }[]
}

export function SelectField({ label, hideLabel = false, options, id, className = '', ...rest }: SelectProps) {
  const generated = useId()
  const selectId = id ?? generated
  return (
    <div className={className}>
      <label htmlFor={selectId} className={hideLabel ? 'sr-only' : 'label'}>
        {label}
      </label>
      <select id={selectId} className="field appearance-none bg-[length:1rem] pe-8 select-chevron" {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function Checkbox({
  label,
  className = '',
  ...rest
}: { label: string } & Omit<ComponentPropsWithRef<'input'>, 'type'>) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className={`size-4 shrink-0 cursor-pointer rounded border-zinc-300 accent-accent-600 dark:accent-accent-400 ${className}`}
      {...rest}
    />
  )
}
