import { defineMessages } from 'react-intl'
import { useUiIntl } from '../i18n/current'
import { useId, useState } from 'react'
import { Button } from './Button'

const LABELS = defineMessages({
  copy: { id: 'ui.copy.copy', defaultMessage: 'Copy' },
  copied: { id: 'ui.copy.copied', defaultMessage: 'Copied' },
})

/** A read-only secret or link with a copy button; the text is selectable as a fallback. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const intl = useUiIntl()
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
          {intl.formatMessage(copied ? LABELS.copied : LABELS.copy)}
        </Button>
      </div>
    </div>
  )
}
