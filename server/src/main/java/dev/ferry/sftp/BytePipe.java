package dev.ferry.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Hands SFTP write requests to the thread that stores the upload, a few chunks at most in
 * between, so a fast client waits for storage instead of filling memory. A writer stops
 * waiting as soon as the upload has failed (over quota, say).
 */
final class BytePipe {

	private static final int CHUNKS = 16;

	private static final byte[] END = new byte[0];

	private static final byte[] ABORT = new byte[0];

	private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);

	/** Blocks while the pipe is full; fails when {@code upload} ended first. */
	void put(byte[] chunk, CompletableFuture<Void> upload) throws IOException {
		if (chunk.length == 0) {
			return;
		}
		try {
			while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
				if (upload.isDone()) {
					try {
						upload.join();
					}
					catch (CompletionException ex) {
						throw UploadChannel.failure(ex.getCause());
					}
					throw new IOException("The upload ended early");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	/**
	 * No more bytes: the reader sees the end of its stream (unless the upload already
	 * ended, which then reads nothing more).
	 */
	void finish(CompletableFuture<Void> upload) throws IOException {
		try {
			while (!chunks.offer(END, 100, TimeUnit.MILLISECONDS) && !upload.isDone()) {
				Thread.onSpinWait();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	/**
	 * Stops the upload without storing it: the reader fails instead of seeing an end.
	 * Called by the writing side only, so nothing else fills the queue meanwhile.
	 */
	void abort() {
		chunks.clear();
		chunks.offer(ABORT);
	}

	InputStream input() {
		return new InputStream() {

			private byte[] current = null;

			private int offset;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xff);
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (current == END) {
					return -1;
				}
				if (current == null || offset == current.length) {
					current = take();
					offset = 0;
					if (current == END) {
						return -1;
					}
					if (current == ABORT) {
						throw new IOException("The account was suspended or removed");
					}
				}
				int n = Math.min(len, current.length - offset);
				System.arraycopy(current, offset, b, off, n);
				offset += n;
				return n;
			}

		};
	}

	private byte[] take() throws IOException {
		try {
			return chunks.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

}
