package dev.ferry.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ReadAheadCopyTests {

	private static final int CHUNK = 64 * 1024;

	private static final int DEPTH = 3;

	private final ReadAheadCopy copier = new ReadAheadCopy(CHUNK, DEPTH, 1);

	@Test
	void copiesEveryByteInOrderAndCountsThem() throws IOException {
		byte[] content = new byte[10 * CHUNK + 123];
		new Random(7).nextBytes(content);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		AtomicLong progress = new AtomicLong();
		long written = copier.copy(new Trickle(content), out, content.length, progress::addAndGet);
		assertThat(written).isEqualTo(content.length);
		assertThat(progress.get()).isEqualTo(content.length);
		assertThat(out.toByteArray()).isEqualTo(content);
		assertNothingLeft();
	}

	@Test
	void aRangeOfOneChunkIsCopiedWithoutASecondThread() throws IOException {
		byte[] content = new byte[CHUNK];
		new Random(8).nextBytes(content);
		AtomicInteger readersDuringCopy = new AtomicInteger(-1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		copier.copy(new Trickle(content), out, content.length, (n) -> readersDuringCopy.set(copier.readers()));
		assertThat(out.toByteArray()).isEqualTo(content);
		assertThat(readersDuringCopy.get()).isZero();
	}

	@Test
	void readsAheadWhileTheWriterWaitsButNoFurtherThanItsChunks() throws IOException {
		byte[] content = new byte[20 * CHUNK];
		AtomicBoolean waited = new AtomicBoolean();
		copier.copy(new Trickle(content), OutputStream.nullOutputStream(), content.length, (n) -> {
			if (waited.compareAndSet(false, true)) {
				await().atMost(Duration.ofSeconds(30))
					.until(() -> copier.bufferedBytes() == (long) DEPTH * CHUNK && copier.readers() == 1);
			}
			assertThat(copier.bufferedBytes()).isLessThanOrEqualTo((long) DEPTH * CHUNK);
		});
		assertThat(waited).isTrue();
		assertNothingLeft();
	}

	@Test
	void onceEverySlotReadsAheadTheNextCopyRunsOnItsOwnThread() throws IOException {
		byte[] content = new byte[8 * CHUNK];
		new Random(10).nextBytes(content);
		ByteArrayOutputStream inner = new ByteArrayOutputStream();
		AtomicInteger readersDuringInner = new AtomicInteger(-1);
		AtomicBoolean nested = new AtomicBoolean();
		copier.copy(new Trickle(content), OutputStream.nullOutputStream(), content.length, (n) -> {
			if (nested.compareAndSet(false, true)) {
				try {
					copier.copy(new Trickle(content), inner, content.length,
							(m) -> readersDuringInner.set(copier.readers()));
				}
				catch (IOException ex) {
					throw new AssertionError(ex);
				}
			}
		});
		assertThat(inner.toByteArray()).isEqualTo(content);
		assertThat(readersDuringInner.get()).as("only the outer copy's reader").isEqualTo(1);
		assertNothingLeft();
	}

	@Test
	void aClientThatGoesAwayStopsTheReaderBeforeTheCopyReturns() {
		Endless in = new Endless();
		AtomicBoolean returned = new AtomicBoolean();
		in.afterReturn = returned;
		OutputStream hangsUp = new OutputStream() {

			private long written;

			@Override
			public void write(int b) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				written += length;
				if (written > 5L * CHUNK) {
					throw new IOException("Broken pipe");
				}
			}

		};
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> copier.copy(in, hangsUp, Long.MAX_VALUE, (n) -> {
		})).withMessage("Broken pipe");
		returned.set(true);
		assertThat(in.readsAfterReturn).hasValue(0);
		assertThat(in.reads.get()).isGreaterThan(5);
		assertNothingLeft();
	}

	@Test
	void aFailedReadReachesTheWriterAfterTheBytesBeforeIt() {
		byte[] content = new byte[4 * CHUNK];
		new Random(9).nextBytes(content);
		InputStream failing = new Trickle(content) {

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int n = super.read(bytes, offset, length);
				if (n < 0) {
					throw new IOException("A stored part is shorter than recorded");
				}
				return n;
			}

		};
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> copier.copy(failing, out, 10L * CHUNK, (n) -> {
		})).withMessage("A stored part is shorter than recorded");
		assertThat(out.toByteArray()).isEqualTo(content);
		assertNothingLeft();
	}

	private void assertNothingLeft() {
		await().atMost(Duration.ofSeconds(30)).until(() -> copier.readers() == 0);
		assertThat(copier.bufferedBytes()).isZero();
	}

	/**
	 * Returns at most 10,000 bytes per read, as a decrypting channel returns a segment's
	 * rest.
	 */
	private static class Trickle extends InputStream {

		private final byte[] content;

		private int position;

		Trickle(byte[] content) {
			this.content = content;
		}

		@Override
		public int read() {
			return (position < content.length) ? content[position++] & 0xff : -1;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (position == content.length) {
				return -1;
			}
			int n = Math.min(Math.min(length, 10_000), content.length - position);
			System.arraycopy(content, position, bytes, offset, n);
			position += n;
			return n;
		}

	}

	/** Never ends; counts the reads made after the copy has returned. */
	private static final class Endless extends InputStream {

		private final AtomicInteger reads = new AtomicInteger();

		private final AtomicInteger readsAfterReturn = new AtomicInteger();

		private AtomicBoolean afterReturn;

		@Override
		public int read() {
			return 0;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			reads.incrementAndGet();
			if (afterReturn.get()) {
				readsAfterReturn.incrementAndGet();
			}
			return length;
		}

	}

}
