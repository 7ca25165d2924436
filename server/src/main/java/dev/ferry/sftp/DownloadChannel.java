package dev.ferry.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileTree;

/**
 * Reads a file for SFTP, streamed from the blob store. SFTP reads name their offset; a
 * read where the last one ended continues the open stream, any other offset (a
 * {@code reget}) opens a new one there.
 */
final class DownloadChannel implements SeekableByteChannel {

	private final FileTree tree;

	private final FerryFileSystem fs;

	private final CurrentUser owner;

	private final FileTree.Entry file;

	private InputStream stream;

	private long streamPosition;

	private long position;

	private boolean open = true;

	DownloadChannel(FileTree tree, FerryFileSystem fs, FileTree.Entry file) throws AccessDeniedException {
		this.tree = tree;
		this.fs = fs;
		this.owner = fs.owner();
		this.file = file;
	}

	/** Refused once the account is suspended or removed, handle open or not. */
	@Override
	public int read(ByteBuffer dst) throws IOException {
		fs.owner();
		if (position >= file.size()) {
			return -1;
		}
		if (stream == null || streamPosition != position) {
			closeStream();
			stream = tree.read(owner, file, position, "sftp");
			streamPosition = position;
		}
		int wanted = (int) Math.min(dst.remaining(), file.size() - position);
		byte[] buffer = new byte[wanted];
		int n = stream.read(buffer, 0, wanted);
		if (n < 0) {
			return -1;
		}
		dst.put(buffer, 0, n);
		position += n;
		streamPosition += n;
		return n;
	}

	@Override
	public int write(ByteBuffer src) {
		throw new NonWritableChannelException();
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
		return file.size();
	}

	@Override
	public SeekableByteChannel truncate(long size) {
		throw new NonWritableChannelException();
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	@Override
	public void close() throws IOException {
		open = false;
		closeStream();
	}

	private void closeStream() throws IOException {
		if (stream != null) {
			stream.close();
			stream = null;
		}
	}

}
