import { useState } from 'react'
import { saveGenerated } from '../lib/download'
import { Button } from '../ui/Button'

export const RECOVERY_CODES_FILE = 'ferry-recovery-codes.txt'

export function recoveryCodesText(codes: string[], account: string | undefined, host: string): string {
  return [
    `Ferry recovery codes${account ? ` for ${account}` : ''} (${host})`,
    'Each code works once, in place of a code from your authenticator app.',
    '',
    ...codes,
    '',
  ].join('\n')
}

/**
 * Fresh recovery codes, shown once: download, print, and an acknowledgement before
 * going on. Printing prints only this block (the print-area rule in index.css).
 */
export function RecoveryCodes({
  codes,
  account,
  onDone,
  doneLabel = 'Done',
}: {
  codes: string[]
  account?: string
  onDone: () => void
  doneLabel?: string
}) {
  const [saved, setSaved] = useState(false)
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Save these recovery codes somewhere safe. Each works once, in place of a code from the app, if you lose your
        phone. They are shown only now.
      </p>
      <div className="print-area">
        <p className="hidden print:block print:mb-4 print:font-semibold">
          Ferry recovery codes{account ? ` for ${account}` : ''}
        </p>
        <ul
          aria-label="Recovery codes"
          className="grid grid-cols-1 gap-2 font-mono text-sm sm:grid-cols-2 lg:grid-cols-3"
        >
          {codes.map((code) => (
            <li key={code} className="rounded-md bg-zinc-100 px-2 py-1 text-center whitespace-nowrap dark:bg-zinc-800">
              {code}
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          icon="download"
          onClick={() =>
            saveGenerated(
              new Blob([recoveryCodesText(codes, account, location.host)], { type: 'text/plain;charset=utf-8' }),
              RECOVERY_CODES_FILE,
            )
          }
        >
          Download
        </Button>
        <Button size="sm" icon="document" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          className="size-4 accent-accent-600 dark:accent-accent-400"
          checked={saved}
          onChange={(e) => setSaved(e.target.checked)}
        />
        I saved my recovery codes
      </label>
      <Button variant="primary" disabled={!saved} onClick={onDone}>
        {doneLabel}
      </Button>
    </div>
  )
}
