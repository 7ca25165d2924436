package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.StreamingAead;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;
import dev.ferry.storage.spi.ObjectUpload;

/**
 * A part being written: plaintext is encrypted segment by segment straight into the store
 * upload, so memory stays at a couple of segments whatever the part's size.
 */
final class EncryptedPart implements PendingPart {

	private final BlobRepository.Blob blob;

	private final String storeKey;

	private final ObjectUpload upload;

	private final PartCommitter committer;

	private final PlaintextStream stream;

	private State state = State.OPEN;

	private long carried;

	/** A part written through compression (if the blob has it) and encryption. */
	static EncryptedPart open(BlobRepository.Blob blob, String storeKey, ObjectUpload upload, StreamingAead aead,
			byte[] associatedData, WriteBehind writeBehind, PartCommitter committer)
			throws GeneralSecurityException, IOException {
		WritableByteChannel encrypting = CompressingChannel.forBlob(blob,
				aead.newEncryptingChannel(new KeepOpenChannel(upload.channel()), associatedData));
		return new EncryptedPart(blob, storeKey, upload, encrypting, writeBehind, committer);
	}

	private EncryptedPart(BlobRepository.Blob blob, String storeKey, ObjectUpload upload,
			WritableByteChannel encrypting, WriteBehind writeBehind, PartCommitter committer) {
		this.blob = blob;
		this.storeKey = storeKey;
		this.upload = upload;
		this.committer = committer;
		this.stream = new PlaintextStream(encrypting, writeBehind.wrap(encrypting));
	}

	@Override
	public OutputStream stream() {
		return stream;
	}

	/** Copies a part being rewritten into this one; not counted by {@link #written()}. */
	void carry(InputStream previous) throws IOException {
		carried += previous.transferTo(stream);
	}

	@Override
	public long written() {
		return stream.written - carried;
	}

	@Override
	public long commit() {
		if (state != State.OPEN) {
			throw new IllegalStateException("Part already " + state.name().toLowerCase());
		}
		state = State.COMMITTED;
		try {
			stream.close();
			if (stream.written == 0) {
				upload.close();
				return committer.commitEmpty(blob);
			}
			long cipherLength = upload.commit();
			return committer.commit(blob, storeKey, stream.written, cipherLength, stream.compressed());
		}
		catch (IOException ex) {
			discardAfterFailure(ex);
			throw new StorageException(ex);
		}
	}

	private void discardAfterFailure(IOException failure) {
		try {
			upload.close();
		}
		catch (IOException ex) {
			failure.addSuppressed(ex);
		}
	}

	@Override
	public void close() {
		if (state != State.OPEN) {
			return;
		}
		state = State.DISCARDED;
		try (upload) {
			stream.discard();
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
	}

	private enum State {

		OPEN, COMMITTED, DISCARDED

	}

	/** What makes a finished part visible; implemented by the storage service. */
	interface PartCommitter {

		long commit(BlobRepository.Blob expected, String storeKey, long plainLength, long cipherLength,
				boolean compressed);

		long commitEmpty(BlobRepository.Blob expected);

	}

	/**
	 * Plaintext in, ciphertext out. Closing it writes the final segment;
	 * {@link #commit()} closes it too, so callers may or may not close it themselves.
	 */
	private static final class PlaintextStream extends OutputStream {

		private final WritableByteChannel encrypting;

		/** {@code encrypting}, or a channel writing to it on another thread. */
		private final WritableByteChannel sink;

		private long written;

		private boolean closed;

		PlaintextStream(WritableByteChannel encrypting, WritableByteChannel sink) {
			this.encrypting = encrypting;
			this.sink = sink;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (closed) {
				throw new IOException("Part is finished");
			}
			ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
			while (buffer.hasRemaining()) {
				sink.write(buffer);
			}
			written += length;
		}

		@Override
		public void close() throws IOException {
			if (!closed) {
				closed = true;
				sink.close();
			}
		}

		boolean compressed() {
			return encrypting instanceof CompressingChannel compressing && compressing.compressed();
		}

		/** Stops without writing the final segment: the upload is being thrown away. */
		void discard() throws IOException {
			if (!closed) {
				closed = true;
				WriteBehind.abandon(sink);
			}
		}

	}

}
