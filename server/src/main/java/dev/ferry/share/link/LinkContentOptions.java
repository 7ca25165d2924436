package dev.ferry.share.link;

import java.util.UUID;

import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.EncryptedTransfers;

import org.springframework.stereotype.Component;

/**
 * The link options that change what a visitor gets to see of the content: a watermark
 * stamped on downloads and previews on the share page. Neither works for an end-to-end
 * encrypted transfer (the server cannot read it), and the two exclude each other: a
 * preview is made from the unstamped file, so it would show the content without the
 * watermark.
 */
@Component
class LinkContentOptions {

	private final LinkWatermarks watermarks;

	private final LinkPreviews previews;

	private final EncryptedTransfers encrypted;

	LinkContentOptions(LinkWatermarks watermarks, LinkPreviews previews, EncryptedTransfers encrypted) {
		this.watermarks = watermarks;
		this.previews = previews;
		this.encrypted = encrypted;
	}

	/** Whether a new link stamps a watermark; refused (400) for an E2E transfer. */
	boolean watermark(Boolean asked, UUID transferId) {
		boolean watermark = Boolean.TRUE.equals(asked);
		if (watermark && encrypted.find(transferId).isPresent()) {
			throw ShareException.invalid("A watermark cannot be stamped on end-to-end encrypted files: the server "
					+ "cannot read them. Create the link without watermark.");
		}
		return watermark;
	}

	/**
	 * Whether a link shows previews ({@code show_previews}, default off); refused (400)
	 * for an E2E transfer and together with a watermark.
	 */
	boolean previews(Boolean asked, boolean watermark, UUID transferId) {
		boolean shown = Boolean.TRUE.equals(asked);
		if (shown && encrypted.find(transferId).isPresent()) {
			throw ShareException.invalid("End-to-end encrypted files have no previews: the server cannot read them. "
					+ "Leave show_previews off.");
		}
		if (shown && watermark) {
			throw ShareException.invalid("A link with a watermark shows no previews: they are made from the "
					+ "unstamped file. Choose watermark or show_previews, not both.");
		}
		return shown;
	}

	void markWatermark(UUID linkId) {
		watermarks.mark(linkId);
	}

	boolean watermarked(UUID linkId) {
		return watermarks.marked(linkId);
	}

	void showPreviews(UUID linkId, boolean on) {
		previews.set(linkId, on);
	}

	boolean showsPreviews(UUID linkId) {
		return previews.shown(linkId);
	}

	/**
	 * Whether visitors of the link see previews now: as its owner chose, and never for an
	 * E2E transfer or a watermarked link, whatever was stored.
	 */
	boolean previewsVisible(UUID linkId, UUID transferId) {
		return previews.shown(linkId) && !watermarks.marked(linkId) && encrypted.find(transferId).isEmpty();
	}

}
