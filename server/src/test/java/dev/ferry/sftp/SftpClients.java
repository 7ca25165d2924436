package dev.ferry.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real clients: Debian's OpenSSH {@code sftp} in batch mode and
 * {@code ssh-keygen}, and rclone's SFTP backend, against the test server.
 */
final class SftpClients {

	private final int port;

	private final Path dir;

	private final String source;

	SftpClients(int port, Path dir) {
		this(port, dir, "127.0.0.1");
	}

	private SftpClients(int port, Path dir, String source) {
		this.port = port;
		this.dir = dir;
		this.source = source;
	}

	/** The same clients connecting from the loopback address {@code source}. */
	SftpClients from(String source) {
		return new SftpClients(port, dir, source);
	}

	record Run(int exit, String out) {
	}

	/**
	 * A new key pair of {@code type}; returns the private key file (".pub" beside it).
	 */
	Path newKey(String type, String name) {
		Path key = dir.resolve(name);
		Run run = run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString()), Map.of());
		assertThat(run.exit()).as(run.out()).isZero();
		return key;
	}

	/**
	 * Encrypts the private key with {@code passphrase}: a batch client cannot sign then.
	 */
	void lock(Path key, String passphrase) {
		Run run = run(List.of("ssh-keygen", "-q", "-p", "-P", "", "-N", passphrase, "-f", key.toString()), Map.of());
		assertThat(run.exit()).as(run.out()).isZero();
	}

	String publicKey(Path key) {
		return read(Path.of(key + ".pub")).strip();
	}

	/** The SHA256 fingerprint as ssh-keygen prints it. */
	String fingerprint(Path key) {
		Run run = run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub"), Map.of());
		return run.out().split(" ")[1];
	}

	/** {@code sftp -b} signed in with {@code key}. */
	Run withKey(String email, Path key, String... commands) {
		return sftp(email,
				List.of("-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o", "PreferredAuthentications=publickey"),
				Map.of(), commands);
	}

	/**
	 * A live {@code sftp -b -} session signed in with {@code key}: it runs each command
	 * written to its input and ends at the first that fails (its output merged into
	 * {@code output}).
	 */
	Process sessionWithKey(String email, Path key, Path output) throws IOException {
		List<String> command = new ArrayList<>(List.of("sftp", "-P", Integer.toString(port), "-o",
				"StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o",
				"User=" + email, "-o", "BindAddress=" + source, "-i", key.toString(), "-o", "IdentitiesOnly=yes", "-o",
				"PreferredAuthentications=publickey", "-b", "-", "127.0.0.1"));
		return new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
	}

	/**
	 * {@code sftp -b} signed in by {@code method} (password or keyboard-interactive);
	 * SSH_ASKPASS answers each prompt from {@code answers} (prompt text fragment to
	 * answer).
	 */
	Run withAnswers(String email, String method, Map<String, String> answers, String... commands) {
		StringBuilder script = new StringBuilder("#!/bin/sh\ncase \"$1\" in\n");
		answers.forEach((prompt, answer) -> script.append("  *'")
			.append(prompt)
			.append("'*) printf '%s\\n' '")
			.append(answer)
			.append("' ;;\n"));
		script.append("esac\n");
		Path askpass = write("askpass-" + System.nanoTime() + ".sh", script.toString());
		try {
			Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return sftp(email,
				List.of("-o", "BatchMode=no", "-o", "PreferredAuthentications=" + method, "-o",
						"NumberOfPasswordPrompts=1", "-o", "PubkeyAuthentication=no"),
				Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"), commands);
	}

	private Run sftp(String email, List<String> auth, Map<String, String> env, String... commands) {
		Path batch = write("batch-" + System.nanoTime(), String.join("\n", commands) + "\n");
		List<String> command = new ArrayList<>(List.of("sftp", "-P", Integer.toString(port), "-o",
				"StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-o",
				"User=" + email, "-o", "BindAddress=" + source));
		command.addAll(auth);
		command.addAll(List.of("-b", batch.toString(), "127.0.0.1"));
		return run(command, env);
	}

	/** rclone with an on-the-fly SFTP remote, signed in with {@code key}. */
	Run rclone(String email, Path key, String... args) {
		List<String> command = new ArrayList<>(List.of("rclone", "--config", dir.resolve("rclone.conf").toString(),
				"--sftp-host", "127.0.0.1", "--sftp-port", Integer.toString(port), "--sftp-user", email,
				"--sftp-key-file", key.toString(), "--sftp-shell-type", "none", "--sftp-disable-hashcheck",
				"--low-level-retries", "1", "--retries", "1"));
		command.addAll(List.of(args));
		return run(command, Map.of());
	}

	Path write(String name, String content) {
		return write(name, content.getBytes(StandardCharsets.UTF_8));
	}

	Path write(String name, byte[] content) {
		try {
			return Files.write(dir.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Run run(List<String> command, Map<String, String> env) {
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
			builder.environment().putAll(env);
			Process process = builder.start();
			process.getOutputStream().close();
			byte[] out = process.getInputStream().readAllBytes();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
			return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
