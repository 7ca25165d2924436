package dev.ferry.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.FerryProcess;
import dev.ferry.testing.FreePorts;

/**
 * Class data sharing (AppCDS) for the CLI runs of the tests: some sixty JVMs start the
 * same jar and load the same classes (picocli, the commands, the HTTP client, JSON). One
 * training run writes a dynamic archive of what it loaded at its exit; later runs map
 * those classes instead of loading and verifying them again (on a quiet machine an upload
 * went from 1.1 to 0.7 CPU-seconds). The training run signs in to a closed port, which
 * loads those classes and then fails without a server. The archive sits beside the jar,
 * named after a hash of the jar and the JDK, so a rebuilt jar or another JDK never meets
 * a stale one. When training fails, runs start without it, as before.
 */
final class CliClassArchive {

	private static List<String> options;

	private CliClassArchive() {
	}

	/** The JVM options for a run of {@code jar}: the archive, when there is one. */
	static synchronized List<String> options(Path jar) {
		if (options == null) {
			options = prepare(jar);
		}
		return options;
	}

	private static List<String> prepare(Path jar) {
		try {
			Path archive = jar.resolveSibling("ferry-cli-" + key(jar) + ".jsa");
			if (!Files.exists(archive)) {
				train(jar, archive);
			}
			return Files.exists(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("CLI runs start without a class archive: " + ex);
			return List.of();
		}
	}

	private static void train(Path jar, Path archive) throws IOException {
		// Named after this JVM: a second test run on the same build (an IDE beside
		// bin/test) trains into its own file, and whichever finishes moves a whole
		// archive into place.
		long pid = ProcessHandle.current().pid();
		Path unfinished = archive.resolveSibling(archive.getFileName() + "." + pid + ".part");
		Path config = Files.createDirectories(jar.resolveSibling("cli-cds-training-" + pid));
		List<String> command = new ArrayList<>();
		// The options of the runs it serves: an archive is written for one collector.
		command.add(FerryProcess.java());
		command.addAll(FerryProcess.SHORT_LIVED);
		command.addAll(List.of("-XX:ArchiveClassesAtExit=" + unfinished, "-Xlog:cds=off", "-jar", jar.toString(),
				"login", "http://127.0.0.1:" + FreePorts.take(), "-e", "training@ferry.test", "--password-stdin"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(config.resolve("training.log").toFile());
		builder.environment().put("XDG_CONFIG_HOME", config.toString());
		Process process = builder.start();
		try {
			process.getOutputStream().write("training\n".getBytes(StandardCharsets.UTF_8));
			process.getOutputStream().close();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		if (Files.exists(unfinished)) {
			Files.move(unfinished, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static String key(Path jar) throws IOException {
		String identity = jar.toAbsolutePath() + "\0" + Files.size(jar) + "\0" + Files.getLastModifiedTime(jar) + "\0"
				+ System.getProperty("java.home") + "\0" + System.getProperty("java.vm.version");
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)), 0,
						12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
