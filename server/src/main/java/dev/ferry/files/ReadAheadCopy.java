package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Copies a download's plaintext to the response while a second thread decrypts the next
 * chunks: decryption and the socket write then overlap on two cores instead of adding up
 * on one. At most {@code depth} chunks of {@code chunk} bytes exist per copy (one being
 * written, the others decrypted ahead), so memory per download stays bounded; a range
 * that fits in one chunk is copied on the caller's thread alone. Only as many copies as
 * there are cores read ahead at once (a second thread buys nothing when every core is
 * busy anyway); the others copy on their own thread, so a thousand concurrent downloads
 * hold a few MiB of read-ahead, not a thousand times 512 KiB. When the copy ends, for
 * whatever reason (client gone, read failure), the reader has stopped before it returns.
 */
@Component
class ReadAheadCopy {

	/**
	 * 4 chunks of 128 KiB (about two Tink segments each): at most 512 KiB per running
	 * download, a few segments of slack between the decrypting reader and the socket.
	 */
	private static final int CHUNK = 128 * 1024;

	private static final int DEPTH = 4;

	private static final Chunk END = new Chunk(new byte[0]);

	private final int chunk;

	private final int depth;

	private final SimpleAsyncTaskExecutor threads;

	private final Semaphore slots;

	private final AtomicInteger readers = new AtomicInteger();

	private final AtomicLong buffered = new AtomicLong();

	@Autowired
	ReadAheadCopy() {
		this(CHUNK, DEPTH, Math.max(2, Runtime.getRuntime().availableProcessors()));
	}

	ReadAheadCopy(int chunk, int depth, int slots) {
		this.chunk = chunk;
		this.depth = depth;
		this.slots = new Semaphore(slots);
		this.threads = new SimpleAsyncTaskExecutor("ferry-read-ahead-");
		this.threads.setDaemon(true);
		// Virtual threads exist from Java 21 on; on 17 each running download has one
		// platform thread more (Tomcat's pool bounds the downloads anyway).
		this.threads.setVirtualThreads(Runtime.version().feature() >= 21);
	}

	/**
	 * Copies {@code in} to {@code out}, telling {@code progress} of every chunk written,
	 * and returns the bytes written. {@code length} is what the caller expects to read.
	 */
	long copy(InputStream in, OutputStream out, long length, IntConsumer progress) throws IOException {
		if (length <= chunk || !slots.tryAcquire()) {
			return copyInline(in, out, progress);
		}
		try {
			return copyAhead(in, out, progress);
		}
		finally {
			slots.release();
		}
	}

	private long copyAhead(InputStream in, OutputStream out, IntConsumer progress) throws IOException {
		Transfer transfer = new Transfer(in);
		readers.incrementAndGet();
		try {
			threads.execute(transfer::read);
		}
		catch (RuntimeException ex) {
			readers.decrementAndGet();
			throw ex;
		}
		try {
			return transfer.write(out, progress);
		}
		finally {
			transfer.stop();
		}
	}

	/** Read-ahead threads still running: none once every copy has returned. */
	int readers() {
		return readers.get();
	}

	/** Bytes of read-ahead buffers that belong to copies still running. */
	long bufferedBytes() {
		return buffered.get();
	}

	private long copyInline(InputStream in, OutputStream out, IntConsumer progress) throws IOException {
		byte[] buffer = new byte[chunk];
		long written = 0;
		for (int n = in.readNBytes(buffer, 0, chunk); n > 0; n = in.readNBytes(buffer, 0, chunk)) {
			out.write(buffer, 0, n);
			written += n;
			progress.accept(n);
		}
		return written;
	}

	/**
	 * One copy: the reader fills free chunks and queues them, the writer sends queued
	 * chunks and hands them back. Both queues hold at most {@code depth} chunks.
	 */
	private final class Transfer {

		private final InputStream in;

		private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(depth);

		private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(depth + 1);

		private final Object lifecycle = new Object();

		private Thread reader;

		private boolean stopped;

		private boolean finished;

		private int allocated;

		private volatile IOException failure;

		Transfer(InputStream in) {
			this.in = in;
		}

		void read() {
			if (!started()) {
				finish();
				return;
			}
			try {
				while (true) {
					Chunk next = freeChunk();
					next.length = in.readNBytes(next.bytes, 0, chunk);
					if (next.length > 0) {
						full.put(next);
					}
					if (next.length < chunk) {
						full.put(END);
						return;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				failure = ex;
				full.offer(END);
			}
			catch (RuntimeException ex) {
				failure = new IOException(ex);
				full.offer(END);
			}
			finally {
				finish();
			}
		}

		long write(OutputStream out, IntConsumer progress) throws IOException {
			long written = 0;
			try {
				for (Chunk next = full.take(); next != END; next = full.take()) {
					out.write(next.bytes, 0, next.length);
					written += next.length;
					progress.accept(next.length);
					free.add(next);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Download interrupted");
			}
			if (failure != null) {
				throw failure;
			}
			return written;
		}

		/**
		 * Stops the reader (it may be waiting for a free chunk or inside a read) and
		 * waits until it has left, so the caller may close {@code in} safely.
		 */
		void stop() throws IOException {
			synchronized (lifecycle) {
				stopped = true;
				if (reader != null) {
					reader.interrupt();
				}
				boolean interrupted = false;
				while (!finished && reader != null) {
					try {
						lifecycle.wait();
					}
					catch (InterruptedException ex) {
						interrupted = true;
					}
				}
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
			buffered.addAndGet(-(long) allocatedChunks() * chunk);
		}

		private boolean started() {
			synchronized (lifecycle) {
				if (stopped) {
					return false;
				}
				reader = Thread.currentThread();
				return true;
			}
		}

		private void finish() {
			readers.decrementAndGet();
			synchronized (lifecycle) {
				finished = true;
				lifecycle.notifyAll();
			}
		}

		private synchronized int allocatedChunks() {
			return allocated;
		}

		/** A returned chunk, else a new one while fewer than {@code depth} exist. */
		private Chunk freeChunk() throws InterruptedException {
			Chunk reused = free.poll();
			if (reused != null) {
				return reused;
			}
			synchronized (this) {
				if (allocated < depth) {
					allocated++;
					buffered.addAndGet(chunk);
					return new Chunk(new byte[chunk]);
				}
			}
			return free.take();
		}

	}

	private static final class Chunk {

		private final byte[] bytes;

		private int length;

		Chunk(byte[] bytes) {
			this.bytes = bytes;
		}

	}

}
