import { defineMessages, FormattedMessage, useIntl, type IntlShape, type NoMessageValues } from 'react-intl'
import { useState } from 'react'
import { saveGenerated } from '../lib/download'
import { Button } from '../ui/Button'

export const RECOVERY_CODES_FILE = 'ferry-recovery-codes.txt'

const messages = defineMessages<{
  heading: { account: string; host: string }
  explanation: NoMessageValues
}>({
  heading: {
    id: 'security.recoveryCodes.fileHeading',
    defaultMessage:
      '{account, select, none {Ferry recovery codes ({host})} other {Ferry recovery codes for {account} ({host})}}',
  },
  explanation: {
    id: 'security.recoveryCodes.fileExplanation',
    defaultMessage: 'Each code works once, in place of a code from your authenticator app.',
  },
})

/** The saved file's text, in the reader's language. */
export function recoveryCodesText(intl: IntlShape, codes: string[], account: string | undefined, host: string): string {
  return [
    intl.formatMessage(messages.heading, { account: account || 'none', host }),
    intl.formatMessage(messages.explanation),
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
  doneLabel,
}: {
  codes: string[]
  account?: string
  onDone: () => void
  doneLabel?: string
}) {
  const intl = useIntl()
  const [saved, setSaved] = useState(false)
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <FormattedMessage
          id="security.recoveryCodes.saveTheseRecoveryCodes"
          defaultMessage="Save these recovery codes somewhere safe. Each works once, in place of a code from the app, if you lose your phone. They are shown only now."
        />
      </p>
      <div className="print-area">
        <p className="hidden print:block print:mb-4 print:font-semibold">
          <FormattedMessage
            id="security.recoveryCodes.printHeading"
            defaultMessage="{account, select, none {Ferry recovery codes} other {Ferry recovery codes for {account}}}"
            values={{ account: account || 'none' }}
          />
        </p>
        <ul
          aria-label={intl.formatMessage({
            id: 'security.recoveryCodes.recoveryCodes',
            defaultMessage: 'Recovery codes',
          })}
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
              new Blob([recoveryCodesText(intl, codes, account, location.host)], { type: 'text/plain;charset=utf-8' }),
              RECOVERY_CODES_FILE,
            )
          }
        >
          <FormattedMessage id="security.recoveryCodes.download" defaultMessage="Download" />
        </Button>
        <Button size="sm" icon="document" onClick={() => window.print()}>
          <FormattedMessage id="security.recoveryCodes.print" defaultMessage="Print" />
        </Button>
      </div>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          className="size-4 accent-accent-600 dark:accent-accent-400"
          checked={saved}
          onChange={(e) => setSaved(e.target.checked)}
        />
        <FormattedMessage id="security.recoveryCodes.iSavedMyRecovery" defaultMessage="I saved my recovery codes" />
      </label>
      <Button variant="primary" disabled={!saved} onClick={onDone}>
        {doneLabel ?? <FormattedMessage id="security.recoveryCodes.done" defaultMessage="Done" />}
      </Button>
    </div>
  )
}
