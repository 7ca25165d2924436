package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The CLI's own directory, {@code $XDG_CONFIG_HOME/ferry} or {@code ~/.config/ferry}
 * (0700): the credentials (0600) and the upload URLs that let a rerun resume.
 */
record Config(Path dir) {

	static Config locate() {
		String xdg = System.getenv("XDG_CONFIG_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg)
				: Path.of(System.getProperty("user.home"), ".config");
		return new Config(base.resolve("ferry"));
	}

	Path credentialsFile() {
		return dir.resolve("credentials.json");
	}

	Path uploadsFile() {
		return dir.resolve("uploads.properties");
	}

	Optional<Credentials> credentials() {
		Path file = credentialsFile();
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Json.MAPPER.readValue(Files.readString(file), Credentials.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void save(Credentials credentials) {
		writePrivate(credentialsFile(), Json.write(credentials));
	}

	boolean forget() {
		try {
			return Files.deleteIfExists(credentialsFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a sibling created 0600 from its first byte, then moves it in place, so the
	 * secret is never readable by others, not even for a moment.
	 */
	void writePrivate(Path file, String content) {
		try {
			createPrivateDirectory();
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.deleteIfExists(temp);
			Files.createFile(temp, attributes("rw-------"));
			Files.writeString(temp, content);
			try {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Could not write " + file + ": " + ex.getMessage() + ".");
		}
	}

	private void createPrivateDirectory() throws IOException {
		if (!Files.isDirectory(dir)) {
			Files.createDirectories(dir.getParent());
			try {
				Files.createDirectory(dir, attributes("rwx------"));
			}
			catch (FileAlreadyExistsException ex) {
				// another ferry process made it first
			}
		}
	}

	private static FileAttribute<?>[] attributes(String permissions) {
		boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		return posix
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

}
