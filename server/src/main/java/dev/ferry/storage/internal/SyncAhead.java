package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a new object's bytes to disk while more are still arriving. The kernel writes
 * dirty pages back on its own only past a tenth of memory or after 30 seconds, so without
 * this a 1 GiB upload would reach the disk only in the fsync at commit, after its last
 * byte: the disk's time added to the network's instead of overlapping it. Every
 * {@link #STEP} bytes a data sync of what is written so far starts on another thread (one
 * at a time: a step reached while one runs is taken by the next), and the fsync at
 * {@link #finish()} finds little left to write. The threads are shared and as many as the
 * cores; when all are busy (many uploads at once) a step is skipped, and the object is
 * synced at the end as before.
 * <p>
 * A failed sync fails {@link #finish()}: Linux reports a write-back error to one sync
 * only, so the final fsync could not be trusted to report it again.
 */
final class SyncAhead implements WritableByteChannel {

	static final long STEP = 8L * 1024 * 1024;

	private static final Executor SYNCS = new ThreadPoolExecutor(0,
			Math.max(2, Runtime.getRuntime().availableProcessors()), 1, TimeUnit.MINUTES, new SynchronousQueue<>(),
			syncThreads());

	private final FileChannel channel;

	private final Executor syncs;

	private final long step;

	private long unsynced;

	private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

	private volatile IOException failure;

	SyncAhead(FileChannel channel) {
		this(channel, SYNCS, STEP);
	}

	SyncAhead(FileChannel channel, Executor syncs, long step) {
		this.channel = channel;
		this.syncs = syncs;
		this.step = step;
	}

	private static ThreadFactory syncThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "ferry-sync-ahead-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		int written = channel.write(source);
		unsynced += written;
		if (unsynced >= step && running.isDone()) {
			throwIfFailed();
			startSync();
		}
		return written;
	}

	private void startSync() {
		try {
			running = CompletableFuture.runAsync(this::syncData, syncs);
			unsynced = 0;
		}
		catch (RejectedExecutionException everySyncThreadBusy) {
			// The next write tries again; finish() syncs whatever is left.
		}
	}

	private void syncData() {
		try {
			channel.force(false);
		}
		catch (IOException ex) {
			failure = ex;
		}
	}

	/**
	 * Waits for the sync under way, then makes the whole file and its size durable;
	 * returns the size.
	 */
	long finish() throws IOException {
		awaitRunning();
		throwIfFailed();
		channel.force(true);
		return channel.size();
	}

	@Override
	public boolean isOpen() {
		return channel.isOpen();
	}

	/** Closes the file once no sync runs on it any more. */
	@Override
	public void close() throws IOException {
		try {
			awaitRunning();
		}
		finally {
			channel.close();
		}
	}

	private void awaitRunning() {
		running.join();
	}

	private void throwIfFailed() throws IOException {
		IOException failed = failure;
		if (failed != null) {
			throw failed;
		}
	}

}
