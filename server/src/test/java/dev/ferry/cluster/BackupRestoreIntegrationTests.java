package dev.ferry.cluster;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.ferry.testing.Api;
import dev.ferry.testing.Databases;
import dev.ferry.testing.FerryProcess;
import dev.ferry.testing.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore of docs/operations.md, done as written on a node with
 * PostgreSQL: keyset, {@code pg_dump}, then the blobs, while the node runs; everything
 * wiped; restored with {@code pg_restore} into a new database; the file downloads whole.
 * It runs beside the other classes (junit-platform.properties): its node, databases and
 * blobs are its own (not the cluster's), and while the node starts the test JVM waits.
 *
 * <p>
 * Runs as {@code WaitingIntegrationTests.BackupRestore}, beside the other classes that
 * wait.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class BackupRestoreIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aBackupRestoredAfterAWipeServesTheFile() throws Exception {
		Path keyset = dir.resolve("keys").resolve("kek.json");
		Path blobs = dir.resolve("blobs");
		Path backup = Files.createDirectories(dir.resolve("backup"));
		byte[] content = new byte[3 * 1024 * 1024 + 17];
		new Random(42).nextBytes(content);
		String database = Databases.createPostgresDatabase();
		String fileId;
		try (FerryProcess node = FerryProcess.fromTestClasspath()
			.dataDir(dir.resolve("data"))
			.log(dir.resolve("before.log"))
			.env("FERRY_PORT", String.valueOf(FreePorts.take()))
			.env(environment(database, keyset, blobs))
			.start()) {
			Api api = new Api(node.base());
			String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
			Api.Response stored = api.send(api.builder(
					"/api/v1/files/content?path=" + URLEncoder.encode("/backup.bin", StandardCharsets.UTF_8), token)
				.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
			assertThat(stored.status()).as(stored.body()).isEqualTo(201);
			fileId = stored.json().get("id").asString();

			Files.createDirectories(backup.resolve("keys"));
			Files.copy(keyset, backup.resolve("keys").resolve("kek.json"));
			run("pg_dump", "-Fc", "-f", backup.resolve("ferry.dump").toString(), "--dbname=" + libpq(database));
			copyTree(blobs, backup.resolve("blobs"));
		}

		Databases.dropPostgresDatabase(database);
		deleteTree(blobs);
		deleteTree(keyset.getParent());
		deleteTree(dir.resolve("data"));

		String restored = Databases.createPostgresDatabase();
		try {
			run("pg_restore", "--no-owner", "--dbname=" + libpq(restored), backup.resolve("ferry.dump").toString());
			copyTree(backup.resolve("blobs"), blobs);
			copyTree(backup.resolve("keys"), keyset.getParent());
			try (FerryProcess node = FerryProcess.fromTestClasspath()
				.dataDir(dir.resolve("data"))
				.log(dir.resolve("after.log"))
				.env("FERRY_PORT", String.valueOf(FreePorts.take()))
				.env(environment(restored, keyset, blobs))
				.start()) {
				Api api = new Api(node.base());
				String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
				HttpResponse<byte[]> downloaded = HttpClient.newHttpClient()
					.send(api.builder("/api/v1/files/" + fileId + "/download", token).build(),
							HttpResponse.BodyHandlers.ofByteArray());
				assertThat(downloaded.statusCode()).isEqualTo(200);
				assertThat(sha256(downloaded.body())).isEqualTo(sha256(content));
			}
		}
		finally {
			Databases.dropPostgresDatabase(restored);
		}
	}

	private static Map<String, String> environment(String database, Path keyset, Path blobs) {
		return Map.of("FERRY_DB_URL", database, "FERRY_DB_USER", Databases.postgresUser(), "FERRY_KEYSET_FILE",
				keyset.toString(), "FERRY_STORAGE_DIR", blobs.toString());
	}

	/** {@code jdbc:postgresql://host:port/db} as a libpq URI with the test user. */
	private static String libpq(String jdbcUrl) {
		return jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + Databases.postgresUser() + "@");
	}

	private void run(String... command) throws Exception {
		Path output = Files.createTempFile(dir, "command-", ".txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
		assertThat(process.exitValue()).as("%s: %s", List.of(command), Files.readString(output)).isZero();
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
