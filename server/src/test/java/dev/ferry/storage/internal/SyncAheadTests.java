package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncAheadTests {

	private static final int STEP = 64 * 1024;

	@TempDir
	Path dir;

	private final List<String> syncThreads = new CopyOnWriteArrayList<>();

	private final ExecutorService pool = Executors.newSingleThreadExecutor();

	private final Executor syncs = (task) -> pool.execute(() -> {
		syncThreads.add(Thread.currentThread().getName());
		task.run();
	});

	@AfterEach
	void stopThePool() {
		pool.shutdownNow();
	}

	@Test
	void syncsWhatIsWrittenOnAnotherThreadWhileWritesGoOnAndFinishReturnsTheWholeSize() throws IOException {
		Path file = dir.resolve("object");
		byte[] content = new byte[10 * STEP + 123];
		new Random(3).nextBytes(content);
		long size;
		try (SyncAhead channel = new SyncAhead(open(file), syncs, STEP)) {
			for (int position = 0; position < content.length; position += 4096) {
				channel.write(ByteBuffer.wrap(content, position, Math.min(4096, content.length - position)));
			}
			size = channel.finish();
		}
		assertThat(size).isEqualTo(content.length);
		assertThat(Files.readAllBytes(file)).isEqualTo(content);
		assertThat(syncThreads).as("syncs started while writing").isNotEmpty();
		assertThat(syncThreads).doesNotContain(Thread.currentThread().getName());
	}

	@Test
	void anObjectSmallerThanAStepIsSyncedOnlyByFinish() throws IOException {
		Path file = dir.resolve("small");
		try (SyncAhead channel = new SyncAhead(open(file), syncs, STEP)) {
			channel.write(ByteBuffer.wrap(new byte[STEP - 1]));
			assertThat(channel.finish()).isEqualTo(STEP - 1);
		}
		assertThat(syncThreads).isEmpty();
	}

	@Test
	void whenEverySyncThreadIsBusyTheWritesGoOnAndFinishSyncsItAll() throws IOException {
		Path file = dir.resolve("busy");
		Executor busy = (task) -> {
			throw new RejectedExecutionException("every sync thread is busy");
		};
		try (SyncAhead channel = new SyncAhead(open(file), busy, STEP)) {
			for (int i = 0; i < 4; i++) {
				channel.write(ByteBuffer.wrap(new byte[STEP]));
			}
			assertThat(channel.finish()).isEqualTo(4 * STEP);
		}
		assertThat(Files.size(file)).isEqualTo(4 * STEP);
	}

	/**
	 * Linux reports a failed write-back to one sync only: if the sync ahead's failure
	 * were dropped, the final fsync would succeed and a part with lost bytes would be
	 * committed.
	 */
	@Test
	void aFailedSyncAheadFailsTheFinishEvenThoughTheLastSyncSucceeds() throws IOException {
		Path file = dir.resolve("failing");
		try (SyncAhead channel = new SyncAhead(new DataSyncFails(open(file)), Runnable::run, STEP)) {
			channel.write(ByteBuffer.wrap(new byte[STEP]));
			assertThatThrownBy(channel::finish).isInstanceOf(IOException.class).hasMessage("write-back failed");
		}
	}

	@Test
	void aFailedSyncAheadFailsTheNextWriteThatReachesAStep() throws IOException {
		Path file = dir.resolve("failing-early");
		try (SyncAhead channel = new SyncAhead(new DataSyncFails(open(file)), Runnable::run, STEP)) {
			channel.write(ByteBuffer.wrap(new byte[STEP]));
			assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[STEP]))).hasMessage("write-back failed");
		}
	}

	private static FileChannel open(Path file) throws IOException {
		return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	/** A real file whose data syncs fail as after a disk error; full syncs succeed. */
	private static final class DataSyncFails extends FileChannel {

		private final FileChannel file;

		DataSyncFails(FileChannel file) {
			this.file = file;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			if (!metaData) {
				throw new IOException("write-back failed");
			}
			file.force(true);
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			return file.write(src);
		}

		@Override
		public long size() throws IOException {
			return file.size();
		}

		@Override
		protected void implCloseChannel() throws IOException {
			file.close();
		}

		@Override
		public int read(ByteBuffer dst) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long read(ByteBuffer[] dsts, int offset, int length) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long write(ByteBuffer[] srcs, int offset, int length) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long position() {
			throw new UnsupportedOperationException();
		}

		@Override
		public FileChannel position(long newPosition) {
			throw new UnsupportedOperationException();
		}

		@Override
		public FileChannel truncate(long size) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long transferTo(long position, long count, WritableByteChannel target) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long transferFrom(ReadableByteChannel src, long position, long count) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int read(ByteBuffer dst, long position) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int write(ByteBuffer src, long position) {
			throw new UnsupportedOperationException();
		}

		@Override
		public MappedByteBuffer map(MapMode mode, long position, long size) {
			throw new UnsupportedOperationException();
		}

		@Override
		public FileLock lock(long position, long size, boolean shared) {
			throw new UnsupportedOperationException();
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) {
			throw new UnsupportedOperationException();
		}

	}

}
