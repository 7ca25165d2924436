package dev.ferry.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns one kind of content into an image at least {@code size} pixels on its longest
 * side where the source allows, and not much more: the caller scales it down to the
 * preview.
 */
interface Renderer {

	boolean accepts(String contentType);

	/**
	 * Decodes {@code content}; throws {@link Unrenderable} for content it refuses on
	 * purpose (too many pixels, encrypted), {@link IOException} for unreadable content.
	 */
	BufferedImage render(InputStream content, PreviewProperties limits) throws IOException;

	/** Content deliberately not previewed; {@code reason} is shown to the owner. */
	class Unrenderable extends RuntimeException {

		private final String reason;

		Unrenderable(String reason) {
			super(reason, null, false, false);
			this.reason = reason;
		}

		String reason() {
			return reason;
		}

	}

}
