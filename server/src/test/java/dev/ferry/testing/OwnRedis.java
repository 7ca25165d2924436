package dev.ferry.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A Redis server of the test's own, which the test may kill and start again on the same
 * port (the one bin/test-services starts is shared by the cluster tests). Uses Debian's
 * {@code redis-server} (package redis-server, which bin/test-services installs), in
 * memory only.
 */
public final class OwnRedis implements AutoCloseable {

	private final Path dir;

	private final int port;

	private Process server;

	private OwnRedis(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	public static OwnRedis create() {
		try {
			OwnRedis redis = new OwnRedis(Files.createTempDirectory("ferry-own-redis-"), FreePorts.take());
			redis.start();
			return redis;
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot make a directory for Redis", ex);
		}
	}

	public String url() {
		return "redis://127.0.0.1:" + port;
	}

	public void start() {
		try {
			server = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port), "--dir",
					dir.toString(), "--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("redis-server is needed (bin/test-services installs it)", ex);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Curl.run(List.of("redis-cli", "-p", String.valueOf(port), "ping")).output().contains("PONG"));
	}

	/**
	 * Kills the server, as a crash or a network cut would: open connections just break.
	 */
	public void stop() {
		server.destroyForcibly();
		try {
			server.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Override
	public void close() {
		if (server != null && server.isAlive()) {
			stop();
		}
		Curl.run(List.of("rm", "-rf", dir.toString()));
	}

}
