package dev.ferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, which the test may stop and start (the one
 * bin/test-services starts is shared by every test). Uses Debian's binaries (package
 * postgresql, which bin/test-services installs); as root it runs them as the postgres
 * user, since PostgreSQL refuses to run as root.
 */
public final class OwnPostgres implements AutoCloseable {

	private final Path bin;

	private final Path data;

	private final int port;

	private OwnPostgres(Path bin, Path data, int port) {
		this.bin = bin;
		this.data = data;
		this.port = port;
	}

	public static OwnPostgres create() {
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			Path bin = versions.map((version) -> version.resolve("bin"))
				.filter((dir) -> Files.isExecutable(dir.resolve("initdb")))
				.max(Comparator.naturalOrder())
				.orElseThrow(() -> new AssertionError("PostgreSQL is needed (bin/test-services installs it)"));
			Path data = Files.createTempDirectory("ferry-own-pg-");
			run("chown", "postgres", data.toString());
			OwnPostgres postgres = new OwnPostgres(bin, data.resolve("cluster"), FreePorts.take());
			postgres.asPostgres(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-U", "ferry",
					"--auth=trust", "-E", "UTF8", "--no-locale");
			postgres.start();
			return postgres;
		}
		catch (IOException ex) {
			throw new AssertionError("PostgreSQL is needed (bin/test-services installs it)", ex);
		}
	}

	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	public void start() {
		asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
				"-w", "-t", "60", "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -c fsync=off", "start");
	}

	/** Stops at once, as a crash or a network cut would: open connections just break. */
	public void stop() {
		asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
	}

	@Override
	public void close() {
		if (Files.exists(data.resolve("postmaster.pid"))) {
			stop();
		}
		run("rm", "-rf", data.getParent().toString());
	}

	private void asPostgres(String... command) {
		List<String> full = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			full.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		full.addAll(List.of(command));
		run(full.toArray(String[]::new));
	}

	private static void run(String... command) {
		Curl.Result result = Curl.run(List.of(command));
		if (result.exitCode() != 0) {
			throw new AssertionError(String.join(" ", command) + " failed: " + result.output());
		}
	}

}
