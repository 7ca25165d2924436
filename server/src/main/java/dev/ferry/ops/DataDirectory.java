package dev.ferry.ops;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import dev.ferry.FerryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The data directory ({@code FERRY_DATA_DIR}). It holds the database file, the keyset and
 * local blobs, so it is created owner-only (0700), and a directory that other users can
 * enter or read is reported at startup rather than silently changed: the operator may
 * have reasons, but should know.
 */
@Component
public class DataDirectory {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private final Path path;

	public DataDirectory(FerryProperties properties) {
		this.path = properties.dataDir().toAbsolutePath().normalize();
		createOwnerOnly(path);
		warnIfOpenToOthers();
	}

	public Path path() {
		return path;
	}

	/**
	 * Writes {@code target} whole or not at all: into a temp file (0600) beside it,
	 * synced, renamed over it, the directory synced. A crash leaves the old content or
	 * the new, never a part, and a failure leaves no temp file behind.
	 */
	public static void writeDurably(Path target, Content content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		createOwnerOnly(dir);
		Path temp = isPosix(dir)
				? Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
		try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
			directory.force(true);
		}
	}

	/** What {@link #writeDurably} writes; the stream is not to be closed. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Creates {@code dir} and any missing parents with mode 0700 where POSIX allows. */
	public static void createOwnerOnly(Path dir) {
		try {
			if (isPosix(dir)) {
				FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions
					.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
				Files.createDirectories(dir, ownerOnly);
			}
			else {
				Files.createDirectories(dir);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create data directory " + dir, ex);
		}
	}

	private void warnIfOpenToOthers() {
		if (!isPosix(path)) {
			return;
		}
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
			if (permissions.stream().anyMatch(OTHERS::contains)) {
				log.warn("Data directory {} is accessible to other users (mode {}). It holds the database and keys: "
						+ "run 'chmod 700 {}'.", path, PosixFilePermissions.toString(permissions), path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read permissions of data directory " + path, ex);
		}
	}

	private static boolean isPosix(Path dir) {
		return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
