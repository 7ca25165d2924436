package dev.ferry.testing;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import dev.ferry.FerryApplication;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server of its own for the content-safety tests (malware scanning, upload policy):
 * files are scanned by the real clamd {@code bin/test-services} starts
 * ({@code FERRY_TEST_CLAMD}; without it these tests fail, never skip), and the scan
 * worker polls every 100 ms. Subclasses share this server, so tests create their own
 * users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class)
public abstract class ContentSafetyTest {

	/** The EICAR test string: harmless, and every scanner reports it. */
	public static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
		.getBytes(StandardCharsets.US_ASCII);

	/** Real SMTP on a free loopback port: owners are told about infected files. */
	public static final GreenMail MAIL = OwnServer.startMail();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected Api api;

	private String adminToken;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "content-safety");
		registry.add("ferry.scan.clamd", () -> requiredEnv("FERRY_TEST_CLAMD"));
		registry.add("ferry.scan.interval", () -> "100ms");
		OwnServer.registerMail(registry, MAIL);
	}

	public static String requiredEnv(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set: run eval \"$(bin/test-services)\" first");
		}
		return value;
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	protected record Account(UUID id, String email, String token) {
	}

	protected String admin() {
		if (adminToken == null) {
			adminToken = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		}
		return adminToken;
	}

	/** A fresh account of {@code role}, made through the admin API. */
	protected Account newUser(String role) {
		String email = "safety-" + UUID.randomUUID() + "@ferry.test";
		String password = "password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", role), admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Account(UUID.fromString(created.json().get("id").asString()), email, api.login(email, password));
	}

	/** A raw PUT of {@code content} to {@code path}; the response as it came. */
	protected Api.Response put(Account account, String path, byte[] content) {
		return api.send(api
			.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), account.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
	}

	/** Creates a tus upload for {@code name}; the creation response. */
	protected Api.Response tusCreate(Account account, String name, long length) {
		String metadata = "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
		return api.send(api.builder("/api/v1/uploads", account.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", metadata)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Sends {@code content} from offset 0 to a created tus upload. */
	protected Api.Response tusPatch(Account account, String location, byte[] content) {
		return api.send(api.builder(location, account.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)));
	}

}
