package dev.ferry.storage.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class WriteBehindTests {

	@Test
	void everyByteArrivesInOrderOnAnotherThreadAndCloseClosesTheTargetLast() throws IOException {
		WriteBehind writeBehind = new WriteBehind(1);
		Recording target = new Recording(Long.MAX_VALUE);
		byte[] expected = new byte[3 * WriteBehind.CHUNK * WriteBehind.DEPTH + 12_345];
		new Random(7).nextBytes(expected);
		Random sizes = new Random(11);
		try (WritableByteChannel channel = writeBehind.wrap(target)) {
			assertThat(channel).isNotSameAs(target);
			for (int position = 0; position < expected.length;) {
				int length = Math.min(expected.length - position, 1 + sizes.nextInt(3 * WriteBehind.CHUNK / 2));
				ByteBuffer source = ByteBuffer.wrap(expected, position, length);
				assertThat(channel.write(source)).isEqualTo(length);
				assertThat(source.hasRemaining()).isFalse();
				position += length;
			}
		}
		assertThat(target.bytes.toByteArray()).isEqualTo(expected);
		assertThat(target.closedAfter).as("closed after the last write").isEqualTo(expected.length);
		assertThat(target.writers).doesNotContain(Thread.currentThread().getName()).isNotEmpty();
		assertThat(writeBehind.writers()).isZero();
	}

	@Test
	void aPartSmallerThanAChunkIsWrittenByTheCallerAtCloseWithoutAThread() throws IOException {
		WriteBehind writeBehind = new WriteBehind(1);
		Recording target = new Recording(Long.MAX_VALUE);
		byte[] expected = new byte[WriteBehind.CHUNK - 1];
		new Random(5).nextBytes(expected);
		WritableByteChannel channel = writeBehind.wrap(target);
		channel.write(ByteBuffer.wrap(expected));
		assertThat(writeBehind.writers()).as("no writer thread yet").isZero();
		channel.close();
		assertThat(target.bytes.toByteArray()).isEqualTo(expected);
		assertThat(target.writers).containsExactly(Thread.currentThread().getName());
		assertThat(target.closedAfter).isEqualTo(expected.length);
		assertSlotIsBack(writeBehind, target);
	}

	@Test
	void aWriterThatCannotStartFailsTheWriteAndTheCloseAndLeavesTheTargetOpen() throws IOException {
		RejectedExecutionException noThread = new RejectedExecutionException("unable to create native thread");
		WriteBehind writeBehind = new WriteBehind(1, (task) -> {
			throw noThread;
		});
		Recording target = new Recording(Long.MAX_VALUE);
		WritableByteChannel channel = writeBehind.wrap(target);
		assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(WriteBehind.CHUNK + 1))).isSameAs(noThread);
		assertThatThrownBy(channel::close).isSameAs(noThread);
		assertThat(target.closedAfter).as("an incomplete part is not closed as if complete").isNegative();
		assertThat(writeBehind.writers()).isZero();
		assertSlotIsBack(writeBehind, target);
	}

	@Test
	void withoutAFreeSlotTheTargetIsWrittenDirectlyAndAClosedChannelFreesItsSlot() throws IOException {
		WriteBehind writeBehind = new WriteBehind(1);
		Recording first = new Recording(Long.MAX_VALUE);
		Recording second = new Recording(Long.MAX_VALUE);
		WritableByteChannel behind = writeBehind.wrap(first);
		assertThat(writeBehind.wrap(second)).as("no slot left").isSameAs(second);
		behind.close();
		assertSlotIsBack(writeBehind, second);
	}

	@Test
	void aFailingTargetFailsALaterWriteOrTheCloseWithItsOwnException() throws IOException {
		WriteBehind writeBehind = new WriteBehind(1);
		Recording target = new Recording(WriteBehind.CHUNK);
		WritableByteChannel channel = writeBehind.wrap(target);
		byte[] chunk = new byte[WriteBehind.CHUNK];
		assertThatThrownBy(() -> {
			for (int i = 0; i < 100; i++) {
				channel.write(ByteBuffer.wrap(chunk));
			}
		}).isSameAs(target.failure);
		assertThatThrownBy(channel::close).isSameAs(target.failure);
		assertThat(target.closedAfter).as("a failed target is not closed as if complete").isNegative();
		assertThat(writeBehind.writers()).isZero();
		assertSlotIsBack(writeBehind, target);
	}

	@Test
	void anAbandonedChannelWritesNoMoreAndLeavesTheTargetOpen() throws IOException {
		WriteBehind writeBehind = new WriteBehind(1);
		Recording target = new Recording(Long.MAX_VALUE);
		WritableByteChannel channel = writeBehind.wrap(target);
		channel.write(ByteBuffer.wrap(new byte[100]));
		WriteBehind.abandon(channel);
		assertThat(target.bytes.size()).as("a partial chunk is never queued").isZero();
		assertThat(target.closedAfter).isNegative();
		assertThat(channel.isOpen()).isFalse();
		assertThat(writeBehind.writers()).isZero();
		assertThatThrownBy(() -> channel.write(ByteBuffer.wrap(new byte[1]))).isInstanceOf(IOException.class);
	}

	@Test
	void aSlowTargetHoldsTheWriterBackAfterAFewChunks() throws Exception {
		WriteBehind writeBehind = new WriteBehind(1);
		CountDownLatch release = new CountDownLatch(1);
		Recording target = new Recording(Long.MAX_VALUE) {
			@Override
			public int write(ByteBuffer source) throws IOException {
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					throw new IOException(ex);
				}
				return super.write(source);
			}
		};
		WritableByteChannel channel = writeBehind.wrap(target);
		ByteBuffer source = ByteBuffer.allocate(10 * WriteBehind.CHUNK);
		AtomicReference<Throwable> failed = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				channel.write(source);
				channel.close();
			}
			catch (IOException | RuntimeException ex) {
				failed.set(ex);
			}
		});
		caller.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> caller.getState() == Thread.State.WAITING);
		assertThat(source.position()).as("at most %d chunks taken in", WriteBehind.DEPTH)
			.isLessThanOrEqualTo(WriteBehind.DEPTH * WriteBehind.CHUNK);
		release.countDown();
		caller.join(Duration.ofSeconds(10).toMillis());
		assertThat(failed.get()).isNull();
		assertThat(target.bytes.size()).isEqualTo(10 * WriteBehind.CHUNK);
	}

	private static void assertSlotIsBack(WriteBehind writeBehind, WritableByteChannel target) throws IOException {
		try (WritableByteChannel again = writeBehind.wrap(target)) {
			assertThat(again).as("the slot is back").isNotSameAs(target);
		}
	}

	/** Keeps what it is given until {@code failAfter} bytes, then fails every write. */
	private static class Recording implements WritableByteChannel {

		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		final Set<String> writers = ConcurrentHashMap.newKeySet();

		final IOException failure = new IOException("No space left on device");

		private final long failAfter;

		volatile long closedAfter = -1;

		private boolean open = true;

		Recording(long failAfter) {
			this.failAfter = failAfter;
		}

		@Override
		public synchronized int write(ByteBuffer source) throws IOException {
			writers.add(Thread.currentThread().getName());
			if (bytes.size() >= failAfter) {
				throw failure;
			}
			int length = source.remaining();
			byte[] copy = new byte[length];
			source.get(copy);
			bytes.write(copy, 0, length);
			return length;
		}

		@Override
		public boolean isOpen() {
			return open;
		}

		@Override
		public synchronized void close() {
			open = false;
			closedAfter = bytes.size();
		}

	}

}
