package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

import com.github.luben.zstd.Zstd;

/**
 * Plaintext in, zstd frames out (before encryption). A part is cut into frames of
 * {@link #FRAME} plaintext bytes, each compressed on its own, and ends with an index of
 * the frames' stored lengths, so a read can seek to any frame without decompressing from
 * the start ({@link DecompressingChannel}). Whether compression pays off is decided on
 * the first frame: if zstd does not save a tenth of it, the part is written as it is and
 * {@link #compressed()} says so. A frame that does not shrink is stored raw, marked in
 * the index.
 */
final class CompressingChannel implements WritableByteChannel {

	static final int FRAME = 256 * 1024;

	static final int RAW = 0x8000_0000;

	private static final int LEVEL = 3;

	private final WritableByteChannel target;

	private final byte[] frame = new byte[FRAME];

	private byte[] packed = new byte[0];

	private int filled;

	private int[] index = new int[16];

	private int frames;

	private Mode mode = Mode.UNDECIDED;

	private boolean open = true;

	CompressingChannel(WritableByteChannel target) {
		this.target = target;
	}

	/** The channel a part of {@code blob} writes its plaintext into. */
	static WritableByteChannel forBlob(BlobRepository.Blob blob, WritableByteChannel encrypting) {
		return blob.compressed() ? new CompressingChannel(encrypting) : encrypting;
	}

	/** Whether the part was stored as zstd frames; known once the first frame is full. */
	boolean compressed() {
		return mode == Mode.FRAMED;
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		int length = source.remaining();
		if (mode == Mode.PLAIN) {
			writeFully(source);
			return length;
		}
		while (source.hasRemaining()) {
			int n = Math.min(source.remaining(), FRAME - filled);
			source.get(frame, filled, n);
			filled += n;
			if (filled == FRAME) {
				flushFrame();
				if (mode == Mode.PLAIN) {
					writeFully(source);
				}
			}
		}
		return length;
	}

	private void flushFrame() throws IOException {
		if (filled == 0) {
			return;
		}
		int bound = (int) Zstd.compressBound(filled);
		if (packed.length < bound) {
			packed = new byte[bound];
		}
		long size = Zstd.compressByteArray(packed, 0, bound, frame, 0, filled, LEVEL);
		if (Zstd.isError(size)) {
			throw new IOException("zstd failed: " + Zstd.getErrorName(size));
		}
		if (mode == Mode.UNDECIDED) {
			mode = (size <= filled - filled / 10) ? Mode.FRAMED : Mode.PLAIN;
		}
		if (mode == Mode.PLAIN) {
			writeFully(ByteBuffer.wrap(frame, 0, filled));
		}
		else if (size < filled) {
			writeFully(ByteBuffer.wrap(packed, 0, (int) size));
			record((int) size);
		}
		else {
			writeFully(ByteBuffer.wrap(frame, 0, filled));
			record(filled | RAW);
		}
		filled = 0;
	}

	private void record(int stored) {
		if (frames == index.length) {
			index = Arrays.copyOf(index, frames * 2);
		}
		index[frames++] = stored;
	}

	private void writeFully(ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			target.write(buffer);
		}
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	/** Writes the last frame and the index, then closes the target. */
	@Override
	public void close() throws IOException {
		if (!open) {
			return;
		}
		open = false;
		flushFrame();
		if (mode == Mode.FRAMED) {
			ByteBuffer trailer = ByteBuffer.allocate(frames * Integer.BYTES);
			trailer.asIntBuffer().put(index, 0, frames);
			writeFully(trailer);
		}
		target.close();
	}

	private enum Mode {

		UNDECIDED, FRAMED, PLAIN

	}

}
