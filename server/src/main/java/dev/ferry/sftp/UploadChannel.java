package dev.ferry.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditOrigin;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileTree;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Writes a file for SFTP through the files module's upload pipeline (quota, encryption,
 * type detection, audit): the bytes flow through a {@link BytePipe} into
 * {@link FileTree#write} running on a thread of its own, and the file is stored when the
 * handle closes, whatever the client sent until then, so an interrupted upload leaves a
 * partial file that {@code reput} continues. Writes must come in order; the first may
 * start at 0 or, on a file opened without truncation, at its current size (continue: the
 * stored content is streamed in front of the new bytes). Writes from 0 into a file opened
 * without truncation change its first bytes and keep the rest, as on a disk: the stored
 * bytes past the last write follow the new ones.
 */
final class UploadChannel implements SeekableByteChannel {

	private final FileTree tree;

	private final FerryFileSystem fs;

	private final CurrentUser owner;

	private final String path;

	private final FileTree.Entry existing;

	/** Whether the stored bytes past the writes stay, as they do without truncation. */
	private boolean keepsTail;

	private final BytePipe pipe = new BytePipe();

	private CompletableFuture<Void> upload;

	private long position;

	private long size;

	private boolean open = true;

	UploadChannel(FileTree tree, FerryFileSystem fs, String path, FileTree.Entry existing)
			throws AccessDeniedException {
		this.tree = tree;
		this.fs = fs;
		this.owner = fs.owner();
		this.path = path;
		this.existing = existing;
		this.keepsTail = existing != null;
		this.size = (existing != null) ? existing.size() : 0;
	}

	@Override
	public int write(ByteBuffer src) throws IOException {
		stillStanding();
		if (upload == null) {
			start();
		}
		if (position != size) {
			throw new IOException("Writes must follow each other: expected offset " + size + ", got " + position);
		}
		int n = src.remaining();
		byte[] bytes = new byte[n];
		src.get(bytes);
		pipe.put(bytes, upload);
		position += n;
		size += n;
		return n;
	}

	/** Begins the upload where the first write lands: at 0, or after the stored bytes. */
	private void start() throws IOException {
		InputStream body = pipe.input();
		if (existing != null && position == existing.size() && position > 0) {
			body = new SequenceInputStream(tree.read(owner, existing, 0, "sftp-resume"), body);
		}
		else if (position == 0) {
			size = 0;
			if (keepsTail) {
				body = new SequenceInputStream(body, new StoredTail());
			}
		}
		else {
			throw new IOException("An upload may start at 0 or continue at " + size + ", not at " + position);
		}
		InputStream content = body;
		CompletableFuture<Void> done = new CompletableFuture<>();
		// The writer acts for the account and client of the request that opened the file.
		Thread writer = new Thread(AuditOrigin.carrying(new DelegatingSecurityContextRunnable(() -> {
			// Closed on every path: the stored content in front of a resumed upload is an
			// open storage stream until read to its end.
			try (content) {
				tree.write(owner, path, content, FerryFileSystemProvider.CHANNEL);
				done.complete(null);
			}
			catch (IOException | RuntimeException | Error ex) {
				done.completeExceptionally(ex);
			}
		})), "sftp-upload");
		writer.setDaemon(true);
		writer.start();
		upload = done;
	}

	@Override
	public int read(ByteBuffer dst) throws IOException {
		throw new IOException("Opened for writing");
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
		return size;
	}

	@Override
	public SeekableByteChannel truncate(long newSize) throws IOException {
		if (upload == null && newSize == 0) {
			size = 0;
			keepsTail = false;
			return this;
		}
		throw new IOException("Truncating is not supported");
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	/**
	 * An account suspended or removed while the handle is open stores nothing more: the
	 * upload is abandoned, not stored as far as it got.
	 */
	private void stillStanding() throws AccessDeniedException {
		try {
			fs.owner();
		}
		catch (AccessDeniedException ex) {
			open = false;
			if (upload != null) {
				pipe.abort();
				upload.exceptionally((failed) -> null).join();
			}
			throw ex;
		}
	}

	/** Stores the file: everything written, or an empty file when nothing was. */
	@Override
	public void close() throws IOException {
		if (!open) {
			return;
		}
		stillStanding();
		open = false;
		if (upload == null) {
			if (existing != null && size == existing.size()) {
				return;
			}
			start();
		}
		pipe.finish(upload);
		try {
			upload.join();
		}
		catch (CompletionException ex) {
			throw failure(ex.getCause());
		}
	}

	/**
	 * The stored content past the last write, opened once the writes are over: the
	 * upload's thread reads it only after the pipe has ended, when {@code size} is final.
	 */
	private final class StoredTail extends InputStream {

		private InputStream tail;

		@Override
		public int read() throws IOException {
			return opened().read();
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return opened().read(b, off, len);
		}

		private InputStream opened() throws IOException {
			if (tail == null) {
				tail = (size < existing.size()) ? tree.read(owner, existing, size, "sftp-resume")
						: InputStream.nullInputStream();
			}
			return tail;
		}

		@Override
		public void close() throws IOException {
			if (tail != null) {
				tail.close();
			}
		}

	}

	static IOException failure(Throwable cause) {
		if (cause instanceof ProblemException problem && problem.getBody().getDetail() != null) {
			return new IOException(problem.getBody().getDetail(), cause);
		}
		return new IOException("The upload failed", cause);
	}

}
