package dev.ferry.web;

import java.nio.ByteBuffer;

import org.apache.tomcat.util.buf.ByteBufferUtils;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * A connection's socket buffers whose write side grows while the connection streams a
 * large response. Tomcat writes a response through this buffer, one socket write per full
 * buffer; at its default 8 KiB a 1 GiB download costs 131,072 write calls, and that, not
 * decryption, is what held a single download to ~0.6 × nginx (bench/README.md, "Larger
 * socket writes"). A fixed larger buffer would cost every idle connection its size
 * (10,000 idle connections at 64 KiB: 640 MiB of heap), so the buffer starts at Tomcat's
 * size and grows to {@code grown} only after {@code growAfter} full buffers in a row,
 * which only a large body produces; it returns to the small size when Tomcat reuses the
 * connection's buffers for a new connection. The read side is Tomcat's own.
 * <p>
 * The write-side methods repeat {@link SocketBufferHandler}'s mode switching (the buffer
 * is filled in write mode and drained to the socket in read mode) over a buffer this
 * class owns, because the superclass keeps its own in a private field.
 */
final class GrowingWriteBuffer extends SocketBufferHandler {

	private final int initial;

	private final int grown;

	private final int growAfter;

	private final boolean direct;

	// Volatile like the superclass's fields: Tomcat may continue a connection's writes on
	// another thread (async and non-blocking I/O).
	private volatile ByteBuffer buffer;

	private volatile boolean configuredForWrite = true;

	private volatile int fullFlushes;

	GrowingWriteBuffer(int readSize, int initial, int grown, int growAfter, boolean direct) {
		super(readSize, 0, direct);
		this.initial = initial;
		this.grown = Math.max(initial, grown);
		this.growAfter = growAfter;
		this.direct = direct;
		this.buffer = allocate(initial);
	}

	@Override
	public void configureWriteBufferForWrite() {
		setConfiguredForWrite(true);
		if (this.fullFlushes >= this.growAfter && this.buffer.capacity() < this.grown) {
			this.buffer = ByteBufferUtils.expand(this.buffer, this.grown);
		}
	}

	@Override
	public void configureWriteBufferForRead() {
		setConfiguredForWrite(false);
		this.fullFlushes = (this.buffer.remaining() == this.buffer.capacity()) ? this.fullFlushes + 1 : 0;
	}

	private void setConfiguredForWrite(boolean forWrite) {
		if (this.configuredForWrite == forWrite) {
			return;
		}
		if (forWrite) {
			int remaining = this.buffer.remaining();
			if (remaining == 0) {
				this.buffer.clear();
			}
			else {
				this.buffer.compact();
				this.buffer.position(remaining);
				this.buffer.limit(this.buffer.capacity());
			}
		}
		else {
			this.buffer.flip();
		}
		this.configuredForWrite = forWrite;
	}

	@Override
	public boolean isWriteBufferWritable() {
		return this.configuredForWrite ? this.buffer.hasRemaining() : this.buffer.remaining() == 0;
	}

	@Override
	public ByteBuffer getWriteBuffer() {
		return this.buffer;
	}

	@Override
	public boolean isWriteBufferEmpty() {
		return this.configuredForWrite ? this.buffer.position() == 0 : this.buffer.remaining() == 0;
	}

	@Override
	public void reset() {
		super.reset();
		if (this.buffer.capacity() > this.initial) {
			release(this.buffer);
			this.buffer = allocate(this.initial);
		}
		this.buffer.clear();
		this.configuredForWrite = true;
		this.fullFlushes = 0;
	}

	/** Only TLS channels expand their buffers, to the TLS record size. */
	@Override
	public void expand(int newSize) {
		super.expand(newSize);
		configureWriteBufferForWrite();
		this.buffer = ByteBufferUtils.expand(this.buffer, newSize);
	}

	@Override
	public void free() {
		super.free();
		release(this.buffer);
	}

	private ByteBuffer allocate(int size) {
		return this.direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
	}

	private void release(ByteBuffer old) {
		if (this.direct) {
			ByteBufferUtils.cleanDirectBuffer(old);
		}
	}

}
