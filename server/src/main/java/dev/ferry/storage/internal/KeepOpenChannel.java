package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * Lets Tink close its encrypting channel (which writes the last segment and tag) without
 * closing the upload under it, which {@link EncryptedPart} still has to complete or
 * abandon.
 */
record KeepOpenChannel(WritableByteChannel delegate) implements WritableByteChannel {

	@Override
	public int write(ByteBuffer source) throws IOException {
		return this.delegate.write(source);
	}

	@Override
	public boolean isOpen() {
		return this.delegate.isOpen();
	}

	@Override
	public void close() {
	}

}
