package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Iterator;
import java.util.List;

/**
 * Plaintext of a byte range that spans one or more parts. Each part is opened only when
 * the reader reaches it, as a seekable decrypting channel positioned at the first wanted
 * byte, so only the segments the range touches are read and decrypted.
 */
final class RangeInputStream extends InputStream {

	private final Iterator<Slice> slices;

	private final PartOpener opener;

	private SeekableByteChannel current;

	private long remaining;

	private boolean closed;

	RangeInputStream(List<Slice> slices, PartOpener opener) {
		this.slices = slices.iterator();
		this.opener = opener;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		if (closed) {
			throw new IOException("Stream closed");
		}
		if (length == 0) {
			return 0;
		}
		while (true) {
			if (current == null || remaining == 0) {
				closeCurrent();
				if (!slices.hasNext()) {
					return -1;
				}
				Slice slice = slices.next();
				current = opener.open(slice.part(), slice.from());
				remaining = slice.to() - slice.from();
				continue;
			}
			int n = current.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, remaining)));
			if (n < 0) {
				throw new IOException("A stored part is shorter than recorded");
			}
			if (n > 0) {
				remaining -= n;
				return n;
			}
		}
	}

	@Override
	public void close() throws IOException {
		closed = true;
		closeCurrent();
	}

	private void closeCurrent() throws IOException {
		if (current != null) {
			SeekableByteChannel channel = current;
			current = null;
			channel.close();
		}
	}

	/** Plaintext bytes {@code [from, to)} relative to the start of {@code part}. */
	record Slice(BlobRepository.Part part, long from, long to) {
	}

	/** Opens a part's plaintext as a channel positioned at {@code position}. */
	interface PartOpener {

		SeekableByteChannel open(BlobRepository.Part part, long position) throws IOException;

	}

}
