package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import dev.ferry.storage.spi.StoredObject;

/**
 * A {@link BlobStore} in a local directory. An object is written to a hidden temp file in
 * its final directory, synced, renamed into place and the directory synced, so a crash
 * leaves either no object or the whole object. Temp files start with a dot and end in
 * {@code .tmp}; keys never do.
 */
final class LocalBlobStore implements BlobStore {

	private static final String TEMP_SUFFIX = ObjectKeys.TEMP_SUFFIX;

	private static final int ZEROS = 64 * 1024;

	private final Path root;

	private final FileAttribute<?>[] ownerOnly;

	LocalBlobStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.ownerOnly = root.getFileSystem().supportedFileAttributeViews().contains("posix")
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create storage directory " + this.root, ex);
		}
	}

	@Override
	public ObjectUpload upload(String key) throws IOException {
		Path target = resolve(key);
		Path temp = tempFor(target);
		return new LocalUpload(target, temp, new SyncAhead(createTemp(temp)));
	}

	/** A fresh hidden temp name next to {@code target}, recognised by cleanup. */
	static Path tempFor(Path target) {
		return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
	}

	@Override
	public SeekableByteChannel open(String key) throws IOException {
		return FileChannel.open(resolve(key), StandardOpenOption.READ);
	}

	@Override
	public long size(String key) throws IOException {
		return Files.size(resolve(key));
	}

	@Override
	public void delete(String key, boolean overwrite) throws IOException {
		Path path = resolve(key);
		try {
			if (overwrite) {
				overwriteWithZeros(path);
			}
			Files.delete(path);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		syncDirectory(path.getParent());
		pruneEmptyDirectories(path.getParent());
	}

	@Override
	public Stream<StoredObject> list(String prefix) throws IOException {
		int slash = prefix.lastIndexOf('/');
		Path start = (slash < 0) ? root : root.resolve(prefix.substring(0, slash)).normalize();
		if (!start.startsWith(root) || !Files.isDirectory(start)) {
			return Stream.empty();
		}
		return FileTree.files(start)
			.filter((file) -> !isTemp(file.path()))
			.map(this::describe)
			.filter((object) -> object.key().startsWith(prefix));
	}

	@Override
	public int purgeIncomplete(Instant before) throws IOException {
		int purged = 0;
		try (Stream<FileTree.RegularFile> files = FileTree.files(root)) {
			for (FileTree.RegularFile temp : (Iterable<FileTree.RegularFile>) files
				.filter((file) -> isTemp(file.path()))::iterator) {
				if (temp.attributes().lastModifiedTime().toInstant().isBefore(before)
						&& Files.deleteIfExists(temp.path())) {
					purged++;
				}
			}
		}
		return purged;
	}

	private Path resolve(String key) {
		return root.resolve(ObjectKeys.require(key));
	}

	/**
	 * Creates the temp file, recreating its directory if a concurrent delete pruned it
	 * (or a directory above it, while this one was being made).
	 */
	private FileChannel createTemp(Path temp) throws IOException {
		for (int attempt = 0;; attempt++) {
			try {
				createDirectories(temp.getParent());
				return FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
						ownerOnly);
			}
			catch (NoSuchFileException ex) {
				if (attempt == 2) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Creates missing directories, syncing each parent so the new entry survives a crash.
	 */
	private void createDirectories(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			return;
		}
		createDirectories(dir.getParent());
		try {
			Files.createDirectory(dir);
		}
		catch (FileAlreadyExistsException ex) {
			if (!Files.isDirectory(dir)) {
				throw ex;
			}
			return;
		}
		syncDirectory(dir.getParent());
	}

	private void pruneEmptyDirectories(Path dir) {
		for (Path current = dir; current != null && !current.equals(root)
				&& current.startsWith(root); current = current.getParent()) {
			try {
				Files.delete(current);
			}
			catch (IOException notEmptyOrGone) {
				return;
			}
		}
	}

	private static void overwriteWithZeros(Path path) throws IOException {
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
			long size = channel.size();
			ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
			for (long position = 0; position < size;) {
				zeros.clear().limit((int) Math.min(ZEROS, size - position));
				position += channel.write(zeros, position);
			}
			channel.force(true);
		}
	}

	private static void syncDirectory(Path dir) throws IOException {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	private StoredObject describe(FileTree.RegularFile file) {
		Path path = file.path();
		String key = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
		return new StoredObject(key, file.attributes().size(), file.attributes().lastModifiedTime().toInstant());
	}

	private static boolean isTemp(Path path) {
		String name = path.getFileName().toString();
		return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
	}

	private static final class LocalUpload implements ObjectUpload {

		private final Path target;

		private final Path temp;

		private final SyncAhead channel;

		private boolean committed;

		LocalUpload(Path target, Path temp, SyncAhead channel) {
			this.target = target;
			this.temp = temp;
			this.channel = channel;
		}

		@Override
		public WritableByteChannel channel() {
			return channel;
		}

		@Override
		public long commit() throws IOException {
			long size = channel.finish();
			channel.close();
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			committed = true;
			syncDirectory(target.getParent());
			return size;
		}

		@Override
		public void close() throws IOException {
			if (!committed) {
				channel.close();
				Files.deleteIfExists(temp);
			}
		}

	}

}
