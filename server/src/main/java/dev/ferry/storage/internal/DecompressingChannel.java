package dev.ferry.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

import com.github.luben.zstd.Zstd;

/**
 * The plaintext of a part {@link CompressingChannel} stored as zstd frames, over its
 * seekable decrypted channel. The frame index at the end is read first; a position maps
 * to one frame, so a range read decrypts and decompresses only the frames it touches.
 */
final class DecompressingChannel implements SeekableByteChannel {

	private final SeekableByteChannel stored;

	private final long length;

	private final int[] index;

	private final long[] offsets;

	private final byte[] frame = new byte[CompressingChannel.FRAME];

	private byte[] packed = new byte[0];

	private int loaded = -1;

	private int loadedLength;

	private long position;

	/** Tink's channel knows its size only after a first read, hence the one-byte read. */
	DecompressingChannel(SeekableByteChannel stored, long length) throws IOException {
		this.stored = stored;
		this.length = length;
		int frames = (int) ((length + CompressingChannel.FRAME - 1) / CompressingChannel.FRAME);
		ByteBuffer trailer = ByteBuffer.allocate(frames * Integer.BYTES);
		readFully(ByteBuffer.allocate(1));
		stored.position(stored.size() - trailer.capacity());
		readFully(trailer);
		trailer.flip();
		this.index = new int[frames];
		trailer.asIntBuffer().get(index);
		this.offsets = new long[frames];
		for (int i = 1; i < frames; i++) {
			offsets[i] = offsets[i - 1] + (index[i - 1] & ~CompressingChannel.RAW);
		}
	}

	@Override
	public int read(ByteBuffer destination) throws IOException {
		if (position >= length) {
			return -1;
		}
		int wanted = (int) (position / CompressingChannel.FRAME);
		if (wanted != loaded) {
			load(wanted);
		}
		int within = (int) (position - (long) wanted * CompressingChannel.FRAME);
		int n = Math.min(destination.remaining(), loadedLength - within);
		destination.put(frame, within, n);
		position += n;
		return n;
	}

	private void load(int number) throws IOException {
		int entry = index[number];
		int storedLength = entry & ~CompressingChannel.RAW;
		int plainLength = (int) Math.min(CompressingChannel.FRAME, length - (long) number * CompressingChannel.FRAME);
		if (stored.position() != offsets[number]) {
			// Seeking makes Tink decrypt the segment again; sequential frames need no
			// seek.
			stored.position(offsets[number]);
		}
		if ((entry & CompressingChannel.RAW) != 0) {
			readFully(ByteBuffer.wrap(frame, 0, storedLength));
		}
		else {
			if (packed.length < storedLength) {
				packed = new byte[storedLength];
			}
			readFully(ByteBuffer.wrap(packed, 0, storedLength));
			long size = Zstd.decompressByteArray(frame, 0, plainLength, packed, 0, storedLength);
			if (Zstd.isError(size) || size != plainLength) {
				throw new IOException("A compressed frame does not decompress to its length");
			}
		}
		loaded = number;
		loadedLength = plainLength;
	}

	private void readFully(ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			if (stored.read(buffer) < 0) {
				throw new IOException("A stored part is shorter than its frame index says");
			}
		}
	}

	@Override
	public long position() {
		return position;
	}

	@Override
	public SeekableByteChannel position(long newPosition) {
		position = newPosition;
		return this;
	}

	@Override
	public long size() {
		return length;
	}

	@Override
	public int write(ByteBuffer source) {
		throw new NonWritableChannelException();
	}

	@Override
	public SeekableByteChannel truncate(long size) {
		throw new NonWritableChannelException();
	}

	@Override
	public boolean isOpen() {
		return stored.isOpen();
	}

	@Override
	public void close() throws IOException {
		stored.close();
	}

}
