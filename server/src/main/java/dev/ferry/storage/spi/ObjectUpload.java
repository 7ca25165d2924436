package dev.ferry.storage.spi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * An object being written. Bytes go to {@link #channel()}; {@link #commit()} makes the
 * object durable and visible at its key in one step; {@link #close()} without a commit
 * discards everything written.
 */
public interface ObjectUpload extends Closeable {

	WritableByteChannel channel();

	/** Makes the object durable and visible; returns its size in bytes. */
	long commit() throws IOException;

	/** Aborts the upload unless it was committed; safe to call more than once. */
	@Override
	void close() throws IOException;

}
