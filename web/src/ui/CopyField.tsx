import { useId, useState } from 'react'
import { Button } from './Button'

/** A read-only secret or link with a copy button; the text is selectable as a fallback. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false)
  const id = useId()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
      window.setTimeout(() => setCopied(false), 2000)
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null
      input?.select()
    }
  }
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="flex gap-2">
        <input id={id} readOnly value={value} className="field font-mono text-sm" onFocus={(e) => e.target.select()} />
        <Button icon={copied ? 'check' : 'copy'} onClick={() => void copy()} aria-live="polite">
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  )
}
