package dev.ferry.watermark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stamps a visible text on content as it goes out. The stamped bytes differ per text, so
 * they are never the stored file: no ranges, and an ETag per watermark.
 */
public interface Watermarks {

	/** Whether content of this type can be stamped (PDF, JPEG, PNG). */
	boolean supports(String contentType);

	/** Largest content that is stamped; it is held in memory while stamped. */
	long maxBytes();

	/**
	 * Reads {@code content} (at most {@link #maxBytes()}), writes it to {@code out} with
	 * {@code text} stamped on every page or across the image.
	 */
	void stamp(InputStream content, String contentType, String text, OutputStream out) throws IOException;

}
