package dev.ferry.sftp;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.ferry.auth.CurrentUser;

import dev.ferry.files.FileTree;

/**
 * The file operations of SFTP mapped onto {@link FileTree}. Uploads and downloads are
 * {@link UploadChannel} and {@link DownloadChannel}; setting times or modes is accepted
 * and ignored (Ferry keeps its own), links and copies are refused.
 */
final class FerryFileSystemProvider extends FileSystemProvider {

	/** What the audit trail names as the channel of SFTP uploads and folder changes. */
	static final String CHANNEL = "sftp";

	private final FileTree tree;

	FerryFileSystemProvider(FileTree tree) {
		this.tree = tree;
	}

	/** {@code stillStanding} says whether the session's sign-in still holds. */
	FerryFileSystem newFileSystem(CurrentUser owner, BooleanSupplier stillStanding) {
		return new FerryFileSystem(this, owner, stillStanding);
	}

	@Override
	public String getScheme() {
		return "ferry";
	}

	@Override
	public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
		throw new UnsupportedOperationException("Made per SFTP session");
	}

	@Override
	public FileSystem getFileSystem(URI uri) {
		throw new UnsupportedOperationException("Made per SFTP session");
	}

	@Override
	public Path getPath(URI uri) {
		throw new UnsupportedOperationException("Made per SFTP session");
	}

	@Override
	public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
			throws IOException {
		FerryPath file = ferry(path);
		FerryFileSystem fs = file.getFileSystem();
		FileTree.Entry existing = tree.file(fs.owner(), file.ferryPath()).orElse(null);
		boolean writes = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
		if (!writes) {
			if (existing == null) {
				throw new NoSuchFileException(file.ferryPath());
			}
			return new DownloadChannel(tree, fs, existing);
		}
		if (existing != null && options.contains(StandardOpenOption.CREATE_NEW)) {
			throw new FileAlreadyExistsException(file.ferryPath());
		}
		if (existing == null && !options.contains(StandardOpenOption.CREATE)
				&& !options.contains(StandardOpenOption.CREATE_NEW)) {
			throw new NoSuchFileException(file.ferryPath());
		}
		boolean truncate = options.contains(StandardOpenOption.TRUNCATE_EXISTING);
		return new UploadChannel(tree, fs, file.ferryPath(), truncate ? null : existing);
	}

	@Override
	public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
			throws IOException {
		FerryPath folder = ferry(dir);
		checkFolder(folder);
		return FolderListing.of(tree, folder, filter);
	}

	@Override
	public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
		FerryPath folder = ferry(dir);
		FerryAttributes existing = attributes(folder);
		if (existing != null) {
			// MINA refuses an existing folder before asking; this one appeared since.
			if (existing.isDirectory()) {
				return;
			}
			throw new FileAlreadyExistsException(folder.ferryPath());
		}
		FerryPath parent = folder.toAbsolutePath().normalize().getParent();
		if (parent != null) {
			checkFolder(parent);
		}
		tree.makeFolder(folder.getFileSystem().owner(), folder.ferryPath(), CHANNEL);
	}

	@Override
	public void delete(Path path) throws IOException {
		FerryPath target = ferry(path);
		FerryFileSystem fs = target.getFileSystem();
		FileTree.Entry file = tree.file(fs.owner(), target.ferryPath()).orElse(null);
		if (file != null) {
			tree.delete(fs.owner(), file.fileId());
			keepParent(target);
			return;
		}
		tree.removeFolder(fs.owner(), target.ferryPath(), CHANNEL);
		keepParent(target);
	}

	@Override
	public void copy(Path source, Path target, CopyOption... options) throws IOException {
		throw new IOException("Copying on the server is not supported");
	}

	@Override
	public void move(Path source, Path target, CopyOption... options) throws IOException {
		FerryPath from = ferry(source);
		FerryPath to = ferry(target);
		FerryFileSystem fs = from.getFileSystem();
		FileTree.Entry file = tree.file(fs.owner(), from.ferryPath()).orElse(null);
		if (file == null) {
			FerryPath parent = to.toAbsolutePath().normalize().getParent();
			if (parent != null) {
				checkFolder(parent);
			}
			tree.moveFolder(fs.owner(), from.ferryPath(), to.ferryPath(), CHANNEL);
			keepParent(from);
			return;
		}
		FileTree.Entry taken = tree.file(fs.owner(), to.ferryPath()).orElse(null);
		if (taken != null && taken.fileId().equals(file.fileId())) {
			// Onto itself (the same path, or a name that normalises to it): replacing the
			// target would delete the source.
			return;
		}
		if (taken != null) {
			if (!Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING)) {
				throw new FileAlreadyExistsException(to.ferryPath());
			}
			tree.delete(fs.owner(), taken.fileId());
		}
		tree.move(fs.owner(), file.fileId(), to.ferryPath());
		keepParent(from);
	}

	/**
	 * The folder a file or folder left stays, even when that was all it held, as on a
	 * disk: a client's following {@code rmdir} of it (a recursive delete) finds it, and a
	 * sync tool sees what it left. The change itself is done, so a parent that cannot be
	 * kept (a file has its path) does not turn it into an error.
	 */
	private void keepParent(FerryPath left) throws IOException {
		FerryPath parent = left.toAbsolutePath().normalize().getParent();
		if (parent != null && parent.getNameCount() > 0) {
			CurrentUser owner = left.getFileSystem().owner();
			if (!tree.folderExists(owner, parent.ferryPath())) {
				try {
					tree.makeFolder(owner, parent.ferryPath(), CHANNEL);
				}
				catch (FileAlreadyExistsException fileThere) {
					// Nothing to keep: the path names a file.
				}
			}
		}
	}

	@Override
	public boolean isSameFile(Path path, Path path2) {
		return ferry(path).toAbsolutePath().normalize().equals(ferry(path2).toAbsolutePath().normalize());
	}

	@Override
	public boolean isHidden(Path path) {
		return false;
	}

	@Override
	public FileStore getFileStore(Path path) {
		throw new UnsupportedOperationException("No file store");
	}

	@Override
	public void checkAccess(Path path, AccessMode... modes) throws IOException {
		if (attributes(ferry(path)) == null) {
			throw new NoSuchFileException(ferry(path).ferryPath());
		}
	}

	@Override
	public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
		return null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
			throws IOException {
		if (!type.isAssignableFrom(FerryAttributes.class)) {
			throw new UnsupportedOperationException("Attributes " + type.getSimpleName());
		}
		FerryPath file = ferry(path);
		FerryAttributes found = attributes(file);
		if (found == null) {
			throw new NoSuchFileException(file.ferryPath());
		}
		return (A) found;
	}

	@Override
	public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
		int colon = attributes.indexOf(':');
		String view = (colon < 0) ? "basic" : attributes.substring(0, colon);
		if (!view.equals("basic") && !view.equals("posix")) {
			throw new UnsupportedOperationException("View " + view);
		}
		return readAttributes(path, FerryAttributes.class, options).asMap(view);
	}

	@Override
	public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
		// Times and modes are Ferry's own; clients that set them (sftp -p, rclone) go on.
	}

	/** The file's or folder's attributes, null when there is none. */
	private FerryAttributes attributes(FerryPath path) throws IOException {
		return FerryAttributes.lookUp(tree, path);
	}

	private void checkFolder(FerryPath folder) throws IOException {
		FerryAttributes found = attributes(folder);
		if (found == null) {
			throw new NoSuchFileException(folder.ferryPath());
		}
		if (!found.isDirectory()) {
			throw new java.nio.file.NotDirectoryException(folder.ferryPath());
		}
	}

	private static FerryPath ferry(Path path) {
		if (path instanceof FerryPath ferry) {
			return ferry;
		}
		throw new ProviderMismatchException();
	}

}
