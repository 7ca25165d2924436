package dev.ferry.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.FerryProcess;
import tools.jackson.databind.JsonNode;

/**
 * Runs {@code java -jar cli/target/ferry-cli.jar} as a real child process with its own
 * config directory ({@code XDG_CONFIG_HOME}), as a user's shell would.
 */
final class CliRun {

	private final Path configHome;

	CliRun(Path configHome) {
		this.configHome = configHome;
	}

	Path configDir() {
		return configHome.resolve("ferry");
	}

	/** Result of one finished run. */
	record Result(int exitCode, String out, String err) {

		JsonNode json() {
			return Json.parse(out);
		}

	}

	/** A started run; stdout and stderr go to files. */
	record Started(Process process, Path out, Path err) {

		Result await() {
			try {
				if (!process.waitFor(5, TimeUnit.MINUTES)) {
					process.destroyForcibly();
					throw new AssertionError("ferry did not finish");
				}
				return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}

	}

	Result runWithInput(String stdin, String... args) {
		Started started = start(args);
		try {
			started.process().getOutputStream().write((stdin != null ? stdin : "").getBytes(StandardCharsets.UTF_8));
			started.process().getOutputStream().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return started.await();
	}

	Result run(String... args) {
		return runWithInput(null, args);
	}

	/** A run with these environment variables added, and nothing on standard input. */
	Result runWithEnv(Map<String, String> env, String... args) {
		Started started = start(env, args);
		try {
			started.process().getOutputStream().close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return started.await();
	}

	Started start(String... args) {
		return start(Map.of(), args);
	}

	Started start(Map<String, String> env, String... args) {
		List<String> command = new ArrayList<>();
		Path jar = Path.of(System.getProperty("ferry.cli.jar", "target/ferry-cli.jar")).toAbsolutePath();
		// A run lasts about a second, and the tests start some sixty: C1 alone and the
		// serial collector take about a third less CPU per start.
		command.add(FerryProcess.java());
		command.addAll(FerryProcess.SHORT_LIVED);
		command.addAll(CliClassArchive.options(jar));
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(List.of(args));
		try {
			Path out = Files.createTempFile(configHome, "run", ".out");
			Path err = Files.createTempFile(configHome, "run", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
			builder.environment().putAll(env);
			return new Started(builder.start(), out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Signs in as the admin with a piped password. */
	Result login(String server) {
		return runWithInput(FerryServer.ADMIN_PASSWORD + "\n", "login", server, "-e", FerryServer.ADMIN_EMAIL,
				"--password-stdin", "--json");
	}

}
