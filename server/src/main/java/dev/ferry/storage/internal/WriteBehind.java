package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.ReflectionUtils;

/**
 * Lets a part's plaintext be encrypted and written on a second thread while the caller
 * reads the next bytes: receiving (socket reads, the upload's SHA-256) and encrypting
 * plus writing overlap on two cores instead of adding up on one, the upload-side twin of
 * the downloads' read-ahead. At most {@link #DEPTH} chunks of {@link #CHUNK} bytes exist
 * per part, and only as many parts as there are cores write behind at once (a second
 * thread buys nothing when every core is busy); the others write on the caller's thread.
 */
final class WriteBehind {

	/** About two Tink segments: the writer encrypts whole segments from each chunk. */
	static final int CHUNK = 128 * 1024;

	static final int DEPTH = 4;

	private final Semaphore slots;

	private final Executor threads;

	private final AtomicInteger writers = new AtomicInteger();

	WriteBehind() {
		this(Math.max(2, Runtime.getRuntime().availableProcessors()));
	}

	WriteBehind(int slots) {
		this(slots, writerThreads());
	}

	WriteBehind(int slots, Executor threads) {
		this.slots = new Semaphore(slots);
		this.threads = threads;
	}

	private static Executor writerThreads() {
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("ferry-write-behind-");
		threads.setDaemon(true);
		// From Java 21 on virtual; on 17 a platform thread per part written behind.
		threads.setVirtualThreads(Runtime.version().feature() >= 21);
		return threads;
	}

	/**
	 * {@code target}, written behind when a slot is free, else itself; its close() closes
	 * {@code target} after the last write, {@link #abandon} stops without closing it. The
	 * writer starts with the first full chunk: a smaller part is written at close.
	 */
	WritableByteChannel wrap(WritableByteChannel target) {
		return slots.tryAcquire() ? new Channel(target) : target;
	}

	/** Stops a channel from {@link #wrap} without writing what is still queued. */
	static void abandon(WritableByteChannel channel) throws IOException {
		if (channel instanceof Channel behind) {
			behind.abandon();
		}
	}

	/** Writer threads still running: none once every part is committed or discarded. */
	int writers() {
		return writers.get();
	}

	/**
	 * The caller fills and queues chunks; the writer writes them and hands them back. Its
	 * failure is thrown to the caller at the next write or at close, as is.
	 */
	private final class Channel implements WritableByteChannel {

		private static final ByteBuffer END = ByteBuffer.allocate(0);

		private final WritableByteChannel target;

		private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(DEPTH);

		private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(DEPTH + 1);

		private final CountDownLatch drained = new CountDownLatch(1);

		private volatile Throwable failure;

		private volatile boolean abandoned;

		private ByteBuffer filling;

		private int allocated;

		private boolean open = true;

		private boolean started;

		Channel(WritableByteChannel target) {
			this.target = target;
		}

		@Override
		public int write(ByteBuffer source) throws IOException {
			if (!open) {
				throw new ClosedChannelException();
			}
			rethrowFailure();
			int length = source.remaining();
			while (source.hasRemaining()) {
				if (filling == null) {
					filling = freeChunk();
				}
				int take = Math.min(filling.remaining(), source.remaining());
				filling.put(filling.position(), source, source.position(), take);
				filling.position(filling.position() + take);
				source.position(source.position() + take);
				if (!filling.hasRemaining()) {
					ByteBuffer full = filling;
					filling = null;
					queue(full);
				}
			}
			return length;
		}

		@Override
		public boolean isOpen() {
			return open;
		}

		/** Waits until everything queued is written, then closes the target. */
		@Override
		public void close() throws IOException {
			if (!open) {
				return;
			}
			open = false;
			ByteBuffer last = filling;
			filling = null;
			boolean partial = last != null && last.position() > 0;
			if (!started) {
				stopWriter();
				rethrowFailure();
				if (partial) {
					writeFully(last);
				}
				target.close();
				return;
			}
			try {
				if (partial) {
					put(last);
				}
			}
			finally {
				stopWriter();
			}
			rethrowFailure();
			target.close();
		}

		void abandon() throws IOException {
			if (!open) {
				return;
			}
			open = false;
			abandoned = true;
			stopWriter();
		}

		/**
		 * Ends the writer after what is queued and gives the slot back, whatever
		 * happened.
		 */
		private void stopWriter() throws IOException {
			try {
				if (started) {
					// END always fits, so even an interrupted caller ends the writer.
					full.offer(END);
					await();
				}
			}
			finally {
				slots.release();
			}
		}

		void drain() {
			try {
				for (ByteBuffer next = full.take(); next != END; next = full.take()) {
					if (failure == null && !abandoned) {
						try {
							writeFully(next);
						}
						catch (IOException | RuntimeException | Error ex) {
							failure = ex;
						}
					}
					next.clear();
					free.add(next);
				}
			}
			catch (InterruptedException ex) {
				failure = new InterruptedIOException("Writing behind was interrupted");
				Thread.currentThread().interrupt();
			}
			finally {
				writers.decrementAndGet();
				drained.countDown();
			}
		}

		private void writeFully(ByteBuffer chunk) throws IOException {
			chunk.flip();
			while (chunk.hasRemaining()) {
				target.write(chunk);
			}
		}

		private void queue(ByteBuffer chunk) throws IOException {
			if (!started) {
				writers.incrementAndGet();
				try {
					threads.execute(this::drain);
				}
				catch (RuntimeException | Error ex) {
					writers.decrementAndGet();
					failure = ex;
					throw ex;
				}
				started = true;
			}
			put(chunk);
			rethrowFailure();
		}

		private void put(ByteBuffer chunk) throws IOException {
			try {
				full.put(chunk);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while writing");
			}
		}

		private void await() throws IOException {
			try {
				drained.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while the last chunks were written");
			}
		}

		/** A returned chunk, else a new one while fewer than {@link #DEPTH} exist. */
		private ByteBuffer freeChunk() throws IOException {
			ByteBuffer reused = free.poll();
			if (reused != null) {
				return reused;
			}
			if (allocated < DEPTH) {
				allocated++;
				return ByteBuffer.allocate(CHUNK);
			}
			try {
				return free.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while writing");
			}
		}

		private void rethrowFailure() throws IOException {
			Throwable failed = failure;
			if (failed instanceof IOException io) {
				throw io;
			}
			if (failed != null) {
				ReflectionUtils.rethrowRuntimeException(failed);
			}
		}

	}

}
