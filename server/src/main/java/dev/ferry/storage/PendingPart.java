package dev.ferry.storage;

import java.io.OutputStream;

/**
 * A part being written: plaintext goes into {@link #stream()} and is encrypted on the way
 * to the store. {@link #commit()} makes it part of the blob and returns the blob's new
 * length; {@link #close()} without a commit throws the bytes away.
 */
public interface PendingPart extends AutoCloseable {

	OutputStream stream();

	/** Plaintext bytes written so far. */
	long written();

	long commit();

	@Override
	void close();

}
