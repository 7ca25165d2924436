package dev.ferry;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP written onto a response or a blob that stays open. Closing a
 * {@link ZipOutputStream} is the only way to free its compressor's native memory, but it
 * also writes the archive's end, which after a failure mid-entry would make a truncated
 * file look complete; {@link #release()} frees the compressor alone, so callers end with
 * it on every path instead of closing.
 */
public final class ZipArchiveStream extends ZipOutputStream {

	public ZipArchiveStream(OutputStream out, Charset names) {
		super(out, names);
	}

	/** Frees the compressor; nothing more may be written. */
	public void release() {
		def.end();
	}

}
