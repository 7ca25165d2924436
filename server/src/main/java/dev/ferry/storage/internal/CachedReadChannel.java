package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;

/**
 * Reads a committed object segment by segment from {@link CachedBlobStore}'s files.
 * Misses are fetched through one remote channel that stays open for the reader, so a cold
 * sequential read streams from the remote store in growing ranges instead of one request
 * per segment.
 */
final class CachedReadChannel implements SeekableByteChannel {

	private final CachedBlobStore store;

	private final String key;

	private final long size;

	private long position;

	private boolean open = true;

	private SeekableByteChannel remote;

	private CachedBlobStore.Segment segment;

	private FileChannel file;

	CachedReadChannel(CachedBlobStore store, String key, long size) {
		this.store = store;
		this.key = key;
		this.size = size;
	}

	@Override
	public int read(ByteBuffer target) throws IOException {
		ensureOpen();
		if (position >= size) {
			return -1;
		}
		if (!target.hasRemaining()) {
			return 0;
		}
		CachedBlobStore.Segment wanted = CachedBlobStore.segmentAt(key, size, position);
		if (!wanted.equals(segment)) {
			switchTo(wanted);
		}
		int limit = target.limit();
		target.limit(target.position() + (int) Math.min(target.remaining(), segment.end() - position));
		int n;
		try {
			n = (file != null) ? file.read(target, position - segment.start())
					: remote().position(position).read(target);
		}
		finally {
			target.limit(limit);
		}
		if (n < 0) {
			throw new IOException("Cached segment of " + key + " is shorter than recorded");
		}
		position += n;
		return n;
	}

	/**
	 * Opens the cached file of {@code wanted}. The cache may evict a segment between
	 * lookup and open, and may even refuse a newcomer at once when it is full (Caffeine's
	 * admission policy): then this segment is read straight from the remote channel.
	 */
	private void switchTo(CachedBlobStore.Segment wanted) throws IOException {
		closeFile();
		try {
			file = FileChannel.open(store.file(wanted, this::remote), StandardOpenOption.READ);
		}
		catch (NoSuchFileException evicted) {
			store.forget(wanted);
			try {
				file = FileChannel.open(store.file(wanted, this::remote), StandardOpenOption.READ);
			}
			catch (NoSuchFileException evictedAgain) {
				store.forget(wanted);
			}
		}
		segment = wanted;
	}

	private SeekableByteChannel remote() throws IOException {
		if (remote == null) {
			remote = store.remoteChannel(key);
		}
		return remote;
	}

	@Override
	public int write(ByteBuffer source) {
		throw new NonWritableChannelException();
	}

	@Override
	public long position() throws IOException {
		ensureOpen();
		return position;
	}

	@Override
	public SeekableByteChannel position(long newPosition) throws IOException {
		ensureOpen();
		if (newPosition < 0) {
			throw new IllegalArgumentException("Negative position");
		}
		position = newPosition;
		return this;
	}

	@Override
	public long size() throws IOException {
		ensureOpen();
		return size;
	}

	@Override
	public SeekableByteChannel truncate(long newSize) {
		throw new NonWritableChannelException();
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	@Override
	public void close() throws IOException {
		open = false;
		try {
			closeFile();
		}
		finally {
			if (remote != null) {
				remote.close();
			}
		}
	}

	private void closeFile() throws IOException {
		segment = null;
		if (file != null) {
			FileChannel closing = file;
			file = null;
			closing.close();
		}
	}

	private void ensureOpen() throws ClosedChannelException {
		if (!open) {
			throw new ClosedChannelException();
		}
	}

}
