package dev.ferry.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Class data sharing (AppCDS) for the child servers started from the test class path.
 *
 * <p>
 * A suite starts about thirty child servers, and each one loads, parses and verifies the
 * same twelve thousand classes again: a third of its start-up CPU. A dynamic archive,
 * written by one training start at its exit, lets later children map those classes
 * instead (on a quiet machine 8.1 → 5.5 CPU seconds per start).
 *
 * <p>
 * JDK 17 archives classes from jar files only and refuses to write an archive while a
 * directory with classes is on the class path, so the test class path's directories
 * ({@code target/classes}, {@code target/test-classes}) are packed into jars first. All
 * of it lives under {@code target/ferry-process-cds/<key>}, the key a hash of the class
 * path and the packed directories' files, so a recompiled class gets a new archive and
 * never a stale one. The test JVMs of one run share it: a file lock lets one of them
 * train while the other waits, and so do bin/fuzz's JVMs beside them (the same class
 * path). Each JVM holds a shared lock on its key's {@code in-use} file while it lives, so
 * that clearing out earlier builds' keys never takes the jars from under a running child
 * of a JVM whose class path differs. When training fails, children start without an
 * archive, as before; a start never fails because of it.
 */
final class FerryProcessClassArchive {

	private static final Path ROOT = Path.of("target", "ferry-process-cds");

	private static List<String> prepared;

	/** Open for the JVM's life: it carries the shared lock on the key in use. */
	private static FileChannel inUse;

	private FerryProcessClassArchive() {
	}

	/**
	 * The JVM arguments that start {@code mainClass} from {@code classpath}: with the
	 * shared archive when there is one.
	 */
	static synchronized List<String> launchArguments(String classpath, String mainClass) {
		if (prepared == null) {
			prepared = prepare(classpath);
		}
		List<String> arguments = new ArrayList<>(prepared);
		arguments.add(mainClass);
		return arguments;
	}

	private static List<String> prepare(String classpath) {
		try {
			String key = key(classpath);
			Path directory = ROOT.resolve(key);
			Files.createDirectories(ROOT);
			try (FileChannel channel = FileChannel.open(ROOT.resolve("lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
				return prepareLocked(directory, classpath);
			}
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Child servers start without a class archive: " + ex);
			return List.of("-cp", classpath);
		}
	}

	private static List<String> prepareLocked(Path directory, String classpath) throws IOException {
		Path archive = directory.resolve("classes.jsa");
		Path failed = directory.resolve("training-failed");
		if (!Files.isDirectory(directory)) {
			removeUnusedKeys(ROOT);
			Files.createDirectories(directory);
		}
		inUse = holdKey(directory);
		String packed = packDirectories(directory, classpath);
		if (!Files.exists(archive) && !Files.exists(failed)) {
			train(archive, failed, packed);
		}
		if (!Files.exists(archive)) {
			return List.of("-cp", classpath);
		}
		return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-cp", packed);
	}

	/**
	 * One child started on the packed class path, ready, then stopped with SIGTERM: the
	 * JVM writes what it loaded at exit. A start that fails writes one too, which is not
	 * kept. Output and data go to a temporary directory, like any child's.
	 */
	private static void train(Path archive, Path failed, String packed) throws IOException {
		Path unfinished = archive.resolveSibling("classes.jsa.part");
		Files.deleteIfExists(unfinished);
		List<String> target = List.of("-XX:ArchiveClassesAtExit=" + unfinished.toAbsolutePath(), "-Xlog:cds=off", "-cp",
				packed, FerryProcess.SERVER_MAIN);
		boolean ready = false;
		try {
			new FerryProcess.Launch(target).start().close();
			ready = true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException | AssertionError ex) {
			System.err.println("Training the child servers' class archive failed: " + ex);
		}
		if (ready && Files.exists(unfinished)) {
			Files.move(unfinished, archive, StandardCopyOption.ATOMIC_MOVE);
		}
		else {
			Files.writeString(failed, "no archive written; see the stderr of the test run\n");
		}
	}

	/** The class path with each directory replaced by a jar of its files. */
	private static String packDirectories(Path directory, String classpath) throws IOException {
		List<String> entries = new ArrayList<>();
		int index = 0;
		for (String entry : classpath.split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isDirectory(path)) {
				Path jar = directory.resolve("directory-" + index++ + ".jar");
				if (!Files.exists(jar)) {
					writeJar(path, jar);
				}
				entries.add(jar.toAbsolutePath().toString());
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(File.pathSeparator, entries);
	}

	private static void writeJar(Path source, Path jar) throws IOException {
		Path unfinished = jar.resolveSibling(jar.getFileName() + ".part");
		try (OutputStream out = Files.newOutputStream(unfinished);
				JarOutputStream stream = new JarOutputStream(out);
				Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter((path) -> !path.equals(source)).sorted().toList()) {
				String name = source.relativize(file).toString().replace(File.separatorChar, '/');
				if (Files.isDirectory(file)) {
					stream.putNextEntry(new JarEntry(name + "/"));
				}
				else {
					stream.putNextEntry(new JarEntry(name));
					Files.copy(file, stream);
				}
				stream.closeEntry();
			}
		}
		Files.move(unfinished, jar, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * A hash of the class path and of every file's name, size and modification time in
	 * its directories.
	 */
	private static String key(String classpath) throws IOException {
		MessageDigest digest = sha256();
		digest.update(classpath.getBytes(StandardCharsets.UTF_8));
		for (String entry : classpath.split(File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isDirectory(path)) {
				try (Stream<Path> files = Files.walk(path)) {
					for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
						digest.update((file + "\0" + Files.size(file) + "\0" + Files.getLastModifiedTime(file) + "\n")
							.getBytes(StandardCharsets.UTF_8));
					}
				}
			}
		}
		return HexFormat.of().formatHex(digest.digest(), 0, 12);
	}

	/**
	 * Takes the shared lock that marks {@code directory}'s key as in use; it lasts while
	 * the returned channel is open.
	 */
	static FileChannel holdKey(Path directory) throws IOException {
		FileChannel channel = FileChannel.open(directory.resolve("in-use"), StandardOpenOption.CREATE,
				StandardOpenOption.READ, StandardOpenOption.WRITE);
		channel.lock(0, Long.MAX_VALUE, true);
		return channel;
	}

	/**
	 * Archives of earlier builds (100 MB each, never used again), but not one that a
	 * living JVM holds.
	 */
	static void removeUnusedKeys(Path root) throws IOException {
		try (Stream<Path> keys = Files.list(root)) {
			for (Path old : keys.filter(Files::isDirectory).toList()) {
				try (FileChannel channel = FileChannel.open(old.resolve("in-use"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE); FileLock unused = channel.tryLock()) {
					if (unused != null) {
						delete(old);
					}
				}
			}
		}
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
