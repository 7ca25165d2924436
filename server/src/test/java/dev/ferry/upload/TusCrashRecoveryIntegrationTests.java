package dev.ferry.upload;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the server (SIGKILL) while a PATCH is streaming, restarts it on the same data
 * directory, and finishes the upload from the offset the restarted server reports. It
 * runs beside the other classes (junit-platform.properties): its servers are its own, and
 * while they start the test JVM waits.
 *
 * <p>
 * Runs as {@code WaitingIntegrationTests.TusCrashRecovery}, beside the other classes that
 * wait.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class TusCrashRecoveryIntegrationTests {

	private static final int MIB = 1024 * 1024;

	private static final Pattern ONE_ACTIVE = Pattern.compile("(?m)^ferry_uploads_active(\\{[^}]*})? 1\\.0$");

	@TempDir
	Path dataDir;

	@TempDir
	Path logs;

	@Test
	void uploadSurvivesAServerKilledMidPatch() throws Exception {
		byte[] content = TusSpecificationIntegrationTests.random(16 * MIB);
		String location;
		long sent;
		try (FerryProcess server = FerryProcess.fromTestClasspath()
			.dataDir(dataDir)
			.log(logs.resolve("first-run.log"))
			.start()) {
			Api api = new Api(server.base());
			String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
			Tus tus = new Tus(api);
			location = tus.create(token, content.length, Map.of("filename", "crash.bin")).header("Location");
			assertThat(tus.patch(location, token, 0, Arrays.copyOfRange(content, 0, 4 * MIB)).status()).isEqualTo(204);
			try (Socket socket = new Socket("127.0.0.1", server.port())) {
				OutputStream out = socket.getOutputStream();
				out.write(patchHeaders(server, location, token, 4 * MIB, content.length - 4 * MIB));
				sent = 4 * MIB;
				for (int i = 0; i < 32; i++) {
					out.write(content, (int) sent, 64 * 1024);
					out.flush();
					sent += 64 * 1024;
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> ONE_ACTIVE.matcher(api.get("/metrics", null).body()).find());
				server.kill();
			}
		}

		try (FerryProcess server = FerryProcess.fromTestClasspath()
			.dataDir(dataDir)
			.log(logs.resolve("second-run.log"))
			.start()) {
			Api api = new Api(server.base());
			String token = api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
			Tus tus = new Tus(api);
			Api.Response head = tus.head(location, token);
			assertThat(head.status()).isEqualTo(200);
			long offset = Long.parseLong(head.header("Upload-Offset"));
			assertThat(offset).isBetween(4L * MIB, sent);
			Api.Response rest = tus.patch(location, token, offset,
					Arrays.copyOfRange(content, (int) offset, content.length));
			assertThat(rest.status()).isEqualTo(204);
			assertThat(rest.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
			String id = location.substring(Tus.BASE.length() + 1);
			assertThat(Tus.sha256Hex(tus.download(id, token))).isEqualTo(Tus.sha256Hex(content));
			assertThat(api.get("/api/v1/files/" + id, token).json().get("sha256").asString())
				.isEqualTo(Tus.sha256Hex(content));
		}
	}

	private static byte[] patchHeaders(FerryProcess server, String location, String token, long offset, long length) {
		return ("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer "
				+ token + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
				+ "Upload-Offset: " + offset + "\r\nContent-Length: " + length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
