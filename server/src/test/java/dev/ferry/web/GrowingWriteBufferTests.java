package dev.ferry.web;

import java.nio.ByteBuffer;
import java.util.Random;

import org.apache.tomcat.util.net.SocketBufferHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The growing write buffer against Tomcat's own {@link SocketBufferHandler}: the same
 * operations in the order Tomcat's socket wrapper makes them (fill in write mode, drain
 * to the socket in read mode, partly when the socket is full) leave both in the same
 * state until the buffer grows, and growing or shrinking loses no pending byte.
 */
class GrowingWriteBufferTests {

	private static final int SMALL = 8 * 1024;

	private static final int GROWN = 64 * 1024;

	@Test
	void behavesLikeTomcatsBufferWhileItDoesNotGrow() {
		Random random = new Random(42);
		SocketBufferHandler tomcat = new SocketBufferHandler(SMALL, SMALL, false);
		GrowingWriteBuffer growing = new GrowingWriteBuffer(SMALL, SMALL, GROWN, Integer.MAX_VALUE, false);
		ByteBuffer tomcatSocket = ByteBuffer.allocate(64 * 1024 * 1024);
		ByteBuffer growingSocket = ByteBuffer.allocate(64 * 1024 * 1024);
		for (int step = 0; step < 20_000; step++) {
			int operation = random.nextInt(4);
			int size = random.nextInt(SMALL * 2);
			int seed = random.nextInt();
			apply(tomcat, tomcatSocket, operation, size, seed);
			apply(growing, growingSocket, operation, size, seed);
			assertThat(growing.isWriteBufferEmpty()).as("empty after step %d", step)
				.isEqualTo(tomcat.isWriteBufferEmpty());
			assertThat(growing.isWriteBufferWritable()).as("writable after step %d", step)
				.isEqualTo(tomcat.isWriteBufferWritable());
			assertThat(growing.getWriteBuffer()).as("buffer after step %d", step).isEqualTo(tomcat.getWriteBuffer());
		}
		assertThat(growingSocket.flip()).isEqualTo(tomcatSocket.flip());
		assertThat(growing.getWriteBuffer().capacity()).isEqualTo(SMALL);
	}

	@Test
	void growsAfterFullBuffersInARowKeepingWhatIsPending() {
		GrowingWriteBuffer buffer = new GrowingWriteBuffer(SMALL, SMALL, GROWN, 4, false);
		for (int i = 0; i < 3; i++) {
			fillAndFlush(buffer, SMALL);
		}
		fillAndFlush(buffer, 100);
		assertThat(buffer.getWriteBuffer().capacity()).as("a short write restarts the count").isEqualTo(SMALL);

		for (int i = 0; i < 4; i++) {
			fillAndFlush(buffer, SMALL);
		}
		buffer.configureWriteBufferForWrite();
		buffer.getWriteBuffer().put((byte) 7);
		buffer.configureWriteBufferForRead();
		buffer.configureWriteBufferForWrite();
		assertThat(buffer.getWriteBuffer().capacity()).isEqualTo(GROWN);
		assertThat(buffer.getWriteBuffer().position()).as("the pending byte is kept").isEqualTo(1);
		assertThat(buffer.getWriteBuffer().get(0)).isEqualTo((byte) 7);
	}

	@Test
	void aReusedConnectionStartsSmallAgain() {
		GrowingWriteBuffer buffer = grownAfterOneFullBuffer(false);
		assertThat(buffer.getWriteBuffer().capacity()).isEqualTo(GROWN);
		buffer.reset();
		assertThat(buffer.getWriteBuffer().capacity()).isEqualTo(SMALL);
		assertThat(buffer.isWriteBufferEmpty()).isTrue();
		fillAndFlush(buffer, SMALL);
		buffer.reset();
		buffer.configureWriteBufferForWrite();
		assertThat(buffer.getWriteBuffer().capacity()).as("the count starts again too").isEqualTo(SMALL);
	}

	@Test
	void expandingAsTlsDoesKeepsPendingBytesOnBothSides() {
		GrowingWriteBuffer buffer = new GrowingWriteBuffer(SMALL, SMALL, GROWN, Integer.MAX_VALUE, false);
		buffer.configureWriteBufferForWrite();
		buffer.getWriteBuffer().put((byte) 9);
		buffer.configureReadBufferForWrite();
		buffer.getReadBuffer().put((byte) 8);
		buffer.expand(17 * 1024);
		assertThat(buffer.getWriteBuffer().capacity()).isEqualTo(17 * 1024);
		assertThat(buffer.getWriteBuffer().position()).isEqualTo(1);
		assertThat(buffer.getWriteBuffer().get(0)).isEqualTo((byte) 9);
		assertThat(buffer.getReadBuffer().capacity()).isEqualTo(17 * 1024);
		assertThat(buffer.getReadBuffer().get(0)).isEqualTo((byte) 8);
	}

	@Test
	void directBuffersGrowAndShrinkAsDirectBuffers() {
		GrowingWriteBuffer buffer = grownAfterOneFullBuffer(true);
		assertThat(buffer.getWriteBuffer().isDirect()).isTrue();
		assertThat(buffer.getWriteBuffer().capacity()).isEqualTo(GROWN);
		buffer.reset();
		assertThat(buffer.getWriteBuffer().isDirect()).isTrue();
		assertThat(buffer.getWriteBuffer().capacity()).isEqualTo(SMALL);
		buffer.free();
	}

	/** A buffer that one full flush has grown to {@link #GROWN}, back in write mode. */
	private static GrowingWriteBuffer grownAfterOneFullBuffer(boolean direct) {
		GrowingWriteBuffer buffer = new GrowingWriteBuffer(SMALL, SMALL, GROWN, 1, direct);
		fillAndFlush(buffer, SMALL);
		buffer.configureWriteBufferForWrite();
		return buffer;
	}

	/** Fills {@code size} bytes and drains them all, as one blocking socket write. */
	private static void fillAndFlush(SocketBufferHandler buffer, int size) {
		buffer.configureWriteBufferForWrite();
		buffer.getWriteBuffer().put(new byte[size]);
		buffer.configureWriteBufferForRead();
		buffer.getWriteBuffer().position(buffer.getWriteBuffer().limit());
	}

	/**
	 * One step of Tomcat's use: fill what fits, drain to the "socket" (all of it or, as a
	 * full socket does, part), or switch mode without moving data.
	 */
	private static void apply(SocketBufferHandler buffer, ByteBuffer socket, int operation, int size, int seed) {
		switch (operation) {
			case 0 -> {
				buffer.configureWriteBufferForWrite();
				ByteBuffer target = buffer.getWriteBuffer();
				byte[] data = new byte[Math.min(size, target.remaining())];
				new Random(seed).nextBytes(data);
				target.put(data);
			}
			case 1 -> {
				buffer.configureWriteBufferForRead();
				ByteBuffer source = buffer.getWriteBuffer();
				int n = Math.min(size, source.remaining());
				socket.put(source.slice(source.position(), n));
				source.position(source.position() + n);
			}
			case 2 -> buffer.configureWriteBufferForRead();
			default -> buffer.configureWriteBufferForWrite();
		}
	}

}
