package dev.ferry.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.ferry.testing.Api;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILLs the server (a child JVM) during a download, an upload's completion, a key
 * rotation and an account deletion, each time restarting it on the same data directory. A
 * kill lands wherever the server happens to be in the request, so every step checks what
 * must hold for any landing point; and after every restart: every committed file
 * downloads with its sha256 and the audit chain verifies. One data directory for the
 * whole sequence keeps the number of server starts, and so the test's time, down. It runs
 * beside the other classes (junit-platform.properties): its servers are its own, and
 * while they start the test JVM waits.
 *
 * <p>
 * Runs as {@code WaitingIntegrationTests.ServerKill}, beside the other classes that wait.
 */
@Execution(ExecutionMode.CONCURRENT)
public abstract class ServerKillIntegrationTests {

	private static final int MIB = 1024 * 1024;

	@TempDir
	Path dataDir;

	@TempDir
	Path logs;

	private final Map<String, byte[]> committed = new LinkedHashMap<>();

	private int runs;

	private String bigId;

	private byte[] partial;

	private String etag;

	private String pendingLocation;

	private byte[] pendingContent;

	private List<String> victimBlobs;

	@Test
	void killedServerLosesNothingCommittedAndClientsResume() throws Exception {
		String victim;
		try (FerryProcess server = start()) {
			Api api = new Api(server.base());
			String admin = adminLogin(api);
			byte[] big = random(24 * MIB);
			this.bigId = put(api, admin, "/big.bin", big);
			put(api, admin, "/small.txt", random(1000));
			victim = createUser(api, admin);
			String victimToken = api.login("victim@ferry.test", "victim-password-for-tests");
			put(api, victimToken, "/victim-1.bin", random(200_000));
			put(api, victimToken, "/victim-2.bin", random(3000));

			killDuringDownload(server, admin, this.bigId, big);
		}
		try (FerryProcess server = start()) {
			Api api = new Api(server.base());
			String admin = adminLogin(api);
			resumeDownload(api, admin);
			assertNothingLost(api, admin);
			killDuringCompletion(server, api, admin);
		}
		try (FerryProcess server = start()) {
			Api api = new Api(server.base());
			String admin = adminLogin(api);
			finishUploadIfPending(api, admin);
			assertNothingLost(api, admin);
			sendAndKill(server, "POST", "/api/v1/admin/keys/rotate", admin);
		}
		try (FerryProcess server = start()) {
			Api api = new Api(server.base());
			String admin = adminLogin(api);
			assertNothingLost(api, admin);
			Api.Response again = api.post("/api/v1/admin/keys/rotate", "", admin);
			assertThat(again.status()).as(again.body()).isEqualTo(200);
			assertNothingLost(api, admin);
			this.victimBlobs = blobsOf(victim);
			assertThat(this.victimBlobs).hasSize(2);
			sendAndKill(server, "DELETE", "/api/v1/admin/users/" + victim, admin);
		}
		try (FerryProcess server = start()) {
			Api api = new Api(server.base());
			String admin = adminLogin(api);
			if (api.get("/api/v1/admin/users/" + victim, admin).status() != 404) {
				Api.Response retry = api.delete("/api/v1/admin/users/" + victim, admin);
				assertThat(retry.status()).as(retry.body()).isBetween(200, 299);
			}
			assertThat(api.get("/api/v1/admin/users/" + victim, admin).status()).isEqualTo(404);
			assertThat(blobsOf(victim)).isEmpty();
			assertThat(keysStillSealed(this.victimBlobs)).as("data keys of the erased account").isZero();
			assertNothingLost(api, admin);
		}
	}

	private void killDuringDownload(FerryProcess server, String admin, String id, byte[] content) throws Exception {
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(new Api(server.base()).builder("/api/v1/files/" + id + "/download", admin).build(),
					HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		this.partial = response.body().readNBytes(4 * MIB);
		this.etag = response.headers().firstValue("ETag").orElseThrow();
		assertThat(this.partial).isEqualTo(Arrays.copyOf(content, 4 * MIB));
		server.kill();
		response.body().close();
	}

	private void resumeDownload(Api api, String admin) throws Exception {
		String id = this.bigId;
		HttpResponse<byte[]> rest = HttpClient.newHttpClient()
			.send(api.builder("/api/v1/files/" + id + "/download", admin)
				.header("Range", "bytes=" + this.partial.length + "-")
				.header("If-Range", this.etag)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(rest.statusCode()).isEqualTo(206);
		byte[] whole = new byte[this.partial.length + rest.body().length];
		System.arraycopy(this.partial, 0, whole, 0, this.partial.length);
		System.arraycopy(rest.body(), 0, whole, this.partial.length, rest.body().length);
		assertThat(sha256(whole)).isEqualTo(sha256(this.committed.get(id)));
	}

	/**
	 * Sends the last PATCH of a tus upload completely and kills the server before it
	 * answers: it is still receiving, committing the file, or done.
	 */
	private void killDuringCompletion(FerryProcess server, Api api, String admin) throws Exception {
		byte[] content = random(8 * MIB);
		Api.Response created = api.send(api.builder("/api/v1/uploads", admin)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Integer.toString(content.length))
			.header("Upload-Metadata",
					"filename " + Base64.getEncoder().encodeToString("completed.bin".getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		String location = created.header("Location");
		int first = content.length - MIB;
		assertThat(api.send(patch(api, location, admin, 0, Arrays.copyOf(content, first))).status()).isEqualTo(204);
		String head = "PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + admin
				+ "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: " + first
				+ "\r\nContent-Length: " + MIB + "\r\n\r\n";
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(content, first, MIB);
			out.flush();
			server.kill();
		}
		this.pendingLocation = location;
		this.pendingContent = content;
	}

	/**
	 * After the restart the upload is either a complete file, or still an upload that
	 * reports how far it got and takes the rest; never a file with missing bytes.
	 */
	private void finishUploadIfPending(Api api, String admin) {
		String id = this.pendingLocation.substring(this.pendingLocation.lastIndexOf('/') + 1);
		Api.Response file = api.get("/api/v1/files/" + id, admin);
		if (file.status() != 200) {
			Api.Response head = api.send(api.builder(this.pendingLocation, admin)
				.header("Tus-Resumable", "1.0.0")
				.method("HEAD", HttpRequest.BodyPublishers.noBody()));
			assertThat(head.status()).as("neither a file nor a resumable upload").isEqualTo(200);
			int offset = Integer.parseInt(head.header("Upload-Offset"));
			Api.Response rest = api.send(patch(api, this.pendingLocation, admin, offset,
					Arrays.copyOfRange(this.pendingContent, offset, this.pendingContent.length)));
			assertThat(rest.status()).as(rest.body()).isEqualTo(204);
			file = api.get("/api/v1/files/" + id, admin);
		}
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.json().get("sha256").asString()).isEqualTo(sha256(this.pendingContent));
		this.committed.put(id, this.pendingContent);
	}

	private static HttpRequest.Builder patch(Api api, String location, String token, int offset, byte[] body) {
		return api.builder(location, token)
			.header("Tus-Resumable", "1.0.0")
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", Integer.toString(offset))
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body));
	}

	/** Sends a whole request and kills the server without waiting for its answer. */
	private static void sendAndKill(FerryProcess server, String method, String path, String token)
			throws IOException, InterruptedException {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.getOutputStream()
				.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
						+ "\r\nContent-Length: 0\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			server.kill();
		}
	}

	/** Every committed file downloads whole with its sha256; the audit chain verifies. */
	private void assertNothingLost(Api api, String admin) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (Map.Entry<String, byte[]> file : this.committed.entrySet()) {
			if (file.getKey().startsWith("victim:")) {
				continue;
			}
			HttpResponse<byte[]> download = http.send(
					api.builder("/api/v1/files/" + file.getKey() + "/download", admin).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			assertThat(download.statusCode()).as(file.getKey()).isEqualTo(200);
			assertThat(sha256(download.body())).as(file.getKey()).isEqualTo(sha256(file.getValue()));
		}
		Api.Response verify = api.get("/api/v1/admin/audit-logs/verify", admin);
		assertThat(verify.status()).isEqualTo(200);
		assertThat(verify.json().get("valid").asBoolean()).as(verify.body()).isTrue();
	}

	private FerryProcess start() throws IOException {
		this.runs++;
		return FerryProcess.fromTestClasspath()
			.dataDir(this.dataDir)
			.log(this.logs.resolve("run-" + this.runs + ".log"))
			.start();
	}

	private static String adminLogin(Api api) {
		return api.login(FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD);
	}

	private String put(Api api, String token, String path, byte[] content) {
		Api.Response response = api
			.send(api.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), token)
				.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String id = response.json().get("id").asString();
		this.committed.put(path.startsWith("/victim") ? "victim:" + id : id, content);
		return id;
	}

	private static String createUser(Api api, String admin) {
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", "victim@ferry.test", "password", "victim-password-for-tests", "role", "user"), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<String> blobsOf(String owner) throws SQLException {
		return query("SELECT blob_id FROM files WHERE owner_id = ?", List.of(owner));
	}

	private int keysStillSealed(List<String> blobs) throws SQLException {
		int sealed = 0;
		for (String blob : blobs) {
			sealed += query("SELECT id FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL", List.of(blob)).size();
		}
		return sealed;
	}

	private List<String> query(String sql, List<String> arguments) throws SQLException {
		try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + this.dataDir.resolve("ferry.db"));
				PreparedStatement statement = db.prepareStatement(sql)) {
			for (int i = 0; i < arguments.size(); i++) {
				statement.setString(i + 1, arguments.get(i));
			}
			List<String> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					rows.add(result.getString(1));
				}
			}
			return rows;
		}
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
