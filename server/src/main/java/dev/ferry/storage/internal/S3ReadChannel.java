package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A committed S3 object read through ranged GETs. The first GET at a position asks for
 * just the bytes of that read (a Tink header or one encrypted segment); each further
 * sequential read doubles the range up to {@link #MAX_WINDOW}, so a long download needs
 * few requests while a short range fetches only the segments it touches. A seek away from
 * the open range drops it without reading it to the end.
 */
final class S3ReadChannel implements SeekableByteChannel {

	static final long MAX_WINDOW = 8L * 1024 * 1024;

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final long size;

	private final S3BlobStore.ReadMeters meters;

	private ResponseInputStream<GetObjectResponse> current;

	private long currentPosition;

	private long currentEnd;

	private long window;

	private long position;

	private boolean open = true;

	S3ReadChannel(S3Client s3, String bucket, String key, long size, S3BlobStore.ReadMeters meters) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.size = size;
		this.meters = meters;
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
		if (current == null || currentPosition != position || currentPosition >= currentEnd) {
			fetch(target.remaining());
		}
		int wanted = (int) Math.min(target.remaining(), currentEnd - currentPosition);
		int n = read(current, target, wanted);
		if (n < 0) {
			throw new IOException("S3 object " + key + " ended before its recorded size");
		}
		currentPosition += n;
		position += n;
		return n;
	}

	private void fetch(int wanted) throws IOException {
		boolean sequential = current != null && currentPosition == position;
		dropCurrent();
		window = sequential ? Math.min(MAX_WINDOW, Math.max(window * 2, wanted)) : wanted;
		long end = Math.min(size, position + Math.max(window, wanted));
		long start = position;
		current = S3BlobStore
			.call(() -> s3.getObject((get) -> get.bucket(bucket).key(key).range("bytes=" + start + "-" + (end - 1))));
		currentPosition = start;
		currentEnd = end;
		meters.requests().increment();
		meters.bytes().increment(end - start);
	}

	private static int read(InputStream in, ByteBuffer target, int wanted) throws IOException {
		if (target.hasArray()) {
			int n = in.read(target.array(), target.arrayOffset() + target.position(), wanted);
			if (n > 0) {
				target.position(target.position() + n);
			}
			return n;
		}
		byte[] chunk = new byte[wanted];
		int n = in.read(chunk);
		if (n > 0) {
			target.put(chunk, 0, n);
		}
		return n;
	}

	/** Closes the open range; one not read to its end is aborted, not drained. */
	private void dropCurrent() throws IOException {
		if (current != null) {
			ResponseInputStream<GetObjectResponse> dropped = current;
			current = null;
			if (currentPosition < currentEnd) {
				dropped.abort();
			}
			dropped.close();
		}
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
	public int write(ByteBuffer source) {
		throw new NonWritableChannelException();
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
		dropCurrent();
	}

	private void ensureOpen() throws IOException {
		if (!open) {
			throw new ClosedChannelException();
		}
	}

}
