import { useId } from 'react'
import { FormattedMessage } from 'react-intl'
import type { ShareLink } from '../api/transfers'

/**
 * The owner's switch for an existing link's share-page previews. The server refuses
 * previews for end-to-end encrypted transfers (it cannot read the files) and for
 * watermarked links (a preview is the unstamped file), so the switch says why it is off
 * instead of letting the owner run into a refusal.
 */
export function LinkPreviewsSwitch({
  link,
  e2e,
  busy,
  onChange,
}: {
  link: ShareLink
  e2e: boolean
  busy: boolean
  onChange: (showPreviews: boolean) => void
}) {
  const hintId = useId()
  const reason = e2e ? 'e2e' : link.watermark ? 'watermark' : null
  return (
    <div className="basis-full">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          role="switch"
          className="size-4 accent-accent-600"
          checked={!reason && Boolean(link.show_previews)}
          disabled={busy || reason !== null}
          aria-describedby={reason ? hintId : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <FormattedMessage id="transfers.detail.showPreviews" defaultMessage="Show previews on the share page" />
      </label>
      {reason && (
        <p id={hintId} className="ms-6 muted">
          {reason === 'e2e' ? (
            <FormattedMessage
              id="transfers.detail.previewsE2e"
              defaultMessage="Not for end-to-end encrypted transfers: the server cannot read the files."
            />
          ) : (
            <FormattedMessage
              id="transfers.detail.previewsWatermark"
              defaultMessage="Not for watermarked links: a preview would show the file without its watermark."
            />
          )}
        </p>
      )}
    </div>
  )
}
