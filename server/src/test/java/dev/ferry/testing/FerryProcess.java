package dev.ferry.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The one way tests run the Ferry server as its own JVM: from the test class path (server
 * tests that kill it like a power cut would, restart it on the same data directory, or
 * configure it only through environment variables) or from the built jar (the CLI's
 * tests). Shipped to the cli module in the server's test-jar, so it uses only the JDK and
 * Awaitility. The child sees no inherited {@code FERRY_*} variable, only those set here.
 */
public final class FerryProcess implements AutoCloseable {

	public static final String ADMIN_EMAIL = "process-admin@ferry.test";

	public static final String ADMIN_PASSWORD = "process-admin-password-for-tests";

	static final String SERVER_MAIN = "dev.ferry.FerryApplication";

	private static final Duration STARTUP = Duration.ofMinutes(5);

	/**
	 * For a JVM the tests start for seconds to minutes (a test server, a CLI run): C1
	 * alone compiles what it runs soon enough, and C2's and the parallel collector's
	 * threads would only compete with the test JVM for the machine's two cores while it
	 * starts.
	 */
	public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/**
	 * A server that moves gigabytes needs C2, which compiles the AES-GCM and SHA-256 code
	 * to its fast form: {@code LargeFileHeapIntegrationTests} (1 GiB up and down) took 77
	 * s with C1 alone and 20 s with both compilers.
	 */
	private static final List<String> BULK_DATA = List.of("-XX:+UseSerialGC");

	private final Process process;

	private final String host;

	private final int port;

	private final Path log;

	private FerryProcess(Process process, String host, int port, Path log) {
		this.process = process;
		this.host = host;
		this.port = port;
		this.log = log;
	}

	/**
	 * {@code dev.ferry.FerryApplication} from this JVM's (Surefire's) test class path,
	 * with the class archive all such children share ({@link FerryProcessClassArchive}).
	 */
	public static Launch fromTestClasspath() {
		return new Launch(FerryProcessClassArchive.launchArguments(testClasspath(), SERVER_MAIN));
	}

	/**
	 * This JVM's test class path: Surefire's, else the JVM's own, without empty entries
	 * (Surefire's ends in one), so that bin/fuzz's JVMs, on the same class path, share
	 * the suite's class archive instead of training one of their own.
	 */
	static String testClasspath() {
		String surefire = System.getProperty("surefire.test.class.path");
		String classpath = (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
		return Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> !entry.isEmpty())
			.collect(Collectors.joining(File.pathSeparator));
	}

	/** This JVM's own {@code java} launcher, which every child process runs on. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The built, runnable server jar. */
	public static Launch fromJar(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath()
					+ " is missing: build the server first (./mvnw -pl server package -DskipTests)");
		}
		return new Launch(List.of("-jar", jar.toAbsolutePath().toString()));
	}

	/** {@code http://} and the bind address and port. */
	public String base() {
		return "http://" + (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	public int port() {
		return this.port;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits for the server to exit by itself; its exit code, or empty if it did not. */
	public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
				? OptionalInt.of(this.process.exitValue()) : OptionalInt.empty();
	}

	/** Everything the server wrote to stdout and stderr so far. */
	public String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Polls {@code ready} until it holds (at most five minutes, for a loaded CI machine),
	 * failing with the end of the log as soon as the server exits.
	 */
	public void awaitReady(Callable<Boolean> ready) {
		await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new AssertionError("The server exited with " + this.process.exitValue() + ":\n" + tail());
			}
			return ready.call();
		});
	}

	/** SIGKILL: no shutdown hook, no graceful drain, nothing flushed. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(60, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private boolean answersReady() throws InterruptedException {
		try {
			HttpResponse<Void> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready")).build(),
						HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String tail() {
		List<String> lines = log().lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	/**
	 * What to start: by default on 127.0.0.1, a free port, {@code -Xmx384m}, with the
	 * admin account {@link #ADMIN_EMAIL}, in a new temporary data directory.
	 */
	public static final class Launch {

		private final List<String> target;

		private final Map<String, String> environment = new LinkedHashMap<>();

		private List<String> jvmOptions = List.of("-Xmx384m");

		private List<String> runtimeOptions = SHORT_LIVED;

		private Path directory;

		private Path log;

		Launch(List<String> target) {
			this.target = target;
			this.environment.put("FERRY_BIND", "127.0.0.1");
			this.environment.put("FERRY_ADMIN_EMAIL", ADMIN_EMAIL);
			this.environment.put("FERRY_ADMIN_PASSWORD", ADMIN_PASSWORD);
		}

		public Launch dataDir(Path dataDir) {
			return env("FERRY_DATA_DIR", dataDir.toString());
		}

		/** Where the server's output goes (appended); by default next to the data. */
		public Launch log(Path log) {
			this.log = log;
			return this;
		}

		/** Sets a variable, or with {@code null} leaves it unset. */
		public Launch env(String name, String value) {
			if (value == null) {
				this.environment.remove(name);
			}
			else {
				this.environment.put(name, value);
			}
			return this;
		}

		public Launch env(Map<String, String> variables) {
			variables.forEach(this::env);
			return this;
		}

		/** Replaces the JVM options ({@code -Xmx384m}). */
		public Launch jvmOptions(String... options) {
			this.jvmOptions = List.of(options);
			return this;
		}

		/**
		 * For a server that encrypts and decrypts gigabytes: both JIT compilers instead
		 * of C1 alone, which costs more CPU while the server starts and far less after.
		 */
		public Launch bulkData() {
			this.runtimeOptions = BULK_DATA;
			return this;
		}

		/** The working directory; by default this JVM's. */
		public Launch directory(Path directory) {
			this.directory = directory;
			return this;
		}

		/**
		 * Starts the server and returns at once, for tests that decide when it is ready.
		 */
		public FerryProcess launch() throws IOException {
			Map<String, String> settings = new LinkedHashMap<>(this.environment);
			settings.putIfAbsent("FERRY_PORT", Integer.toString(FreePorts.take()));
			if (!settings.containsKey("FERRY_DATA_DIR")) {
				settings.put("FERRY_DATA_DIR", Files.createTempDirectory("ferry-process").resolve("data").toString());
			}
			Path output = (this.log != null) ? this.log : Path.of(settings.get("FERRY_DATA_DIR") + ".log");
			List<String> command = new ArrayList<>();
			command.add(java());
			command.addAll(this.runtimeOptions);
			command.addAll(this.jvmOptions);
			command.addAll(this.target);
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().keySet().removeIf((name) -> name.startsWith("FERRY_"));
			builder.environment().putAll(settings);
			if (this.directory != null) {
				builder.directory(this.directory.toFile());
			}
			builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
			return new FerryProcess(builder.start(), settings.get("FERRY_BIND"),
					Integer.parseInt(settings.get("FERRY_PORT")), output);
		}

		/**
		 * Starts the server and waits until it answers {@code /health/ready} over HTTP; a
		 * server that does not is killed, not left running after the test. Not
		 * {@code /health}: that is liveness, up before the application runners (the
		 * administrator's bootstrap among them) have run, so on a loaded machine a test
		 * could sign in before the administrator exists.
		 */
		public FerryProcess start() throws IOException {
			FerryProcess server = launch();
			try {
				server.awaitReady(server::answersReady);
			}
			catch (RuntimeException | Error ex) {
				server.process.destroyForcibly();
				throw ex;
			}
			return server;
		}

	}

}
