package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server the HTTP fuzz targets send their inputs to: one real Ferry JVM per test JVM,
 * started on first use. It runs as a process of its own because Jazzer's agent rewrites
 * the classes its JVM loads (see the Surefire comment in the server's pom), and without
 * rate limits, so each input reaches the code under test instead of a 429.
 */
public final class FuzzServer {

	/** Longer than any honest answer of a loopback server: past it the input hung it. */
	private static final Duration HANG = Duration.ofSeconds(20);

	/** A Java stack frame or exception class name, which no answer may carry. */
	private static final Pattern STACK_TRACE = Pattern.compile(
			"\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\(|(java|jakarta|org\\.springframework|dev\\.ferry)\\.[\\w.]*(Exception|Error)\\b");

	private static FuzzServer shared;

	private final FerryProcess process;

	private final Path dataDir;

	private final Api api;

	private final String adminToken;

	private FuzzServer(FerryProcess process, Path dataDir) {
		this.process = process;
		this.dataDir = dataDir;
		this.api = new Api(process.base());
		this.adminToken = this.api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
	}

	/** The shared server, started (and stopped with this JVM) on the first call. */
	public static synchronized FuzzServer get() {
		if (shared == null) {
			try {
				Path dataDir = Files.createTempDirectory("ferry-fuzz").resolve("data");
				FerryProcess process = FerryProcess.fromTestClasspath()
					.dataDir(dataDir)
					.env("FERRY_RATE_API", "0")
					.env("FERRY_RATE_PUBLIC", "0")
					.env("FERRY_RATE_UPLOADS", "0")
					// Previews are blobs written in the background, which would blur the
					// count of blobs an input left behind.
					.env("FERRY_PREVIEW_ENABLED", "false")
					.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
				shared = new FuzzServer(process, dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return shared;
	}

	public Api api() {
		return this.api;
	}

	public String adminToken() {
		return this.adminToken;
	}

	/** A request to {@code path} that fails as a hang if the server takes too long. */
	public HttpRequest.Builder request(String path, String token) {
		return this.api.builder(path, token).timeout(HANG);
	}

	/**
	 * The blob files in the data directory (stored content, finished or not). A file or
	 * directory that goes while it is listed (a duplicate's objects are purged in the
	 * background) is left out.
	 */
	public Set<Path> blobFiles() {
		Path blobs = this.dataDir.resolve("blobs");
		Set<Path> files = new HashSet<>();
		if (!Files.isDirectory(blobs)) {
			return files;
		}
		try {
			Files.walkFileTree(blobs, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile()) {
						files.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
					if (ex instanceof NoSuchFileException) {
						return FileVisitResult.CONTINUE;
					}
					throw ex;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/**
	 * Asserts that {@code response} is a problem with one of the {@code allowed} statuses
	 * as RFC 9457 describes it, with no stack trace, and that the server still runs.
	 */
	public void assertProblem(Api.Response response, Set<Integer> allowed) {
		assertThat(response.status()).as(response.toString()).isIn(allowed);
		assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.path("title").asString("")).as(response.toString()).isNotBlank();
		assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(response.status());
		assertNoStackTrace(response);
	}

	public void assertNoStackTrace(Api.Response response) {
		assertThat(showsStackTrace(response.body())).as("a stack trace in " + response).isFalse();
		assertThat(this.process.isAlive()).as("the server process runs").isTrue();
	}

	/** Whether {@code text} has a Java stack frame or exception class name in it. */
	public static boolean showsStackTrace(String text) {
		return STACK_TRACE.matcher(text).find();
	}

	/** Percent-encodes all but RFC 3986's unreserved characters, for a path or query. */
	public static String percentEncoded(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return encoded.toString();
	}

	private static void stop(FerryProcess process) {
		try {
			process.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
