package dev.ferry.upload;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ferry.auth.Role;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.ferry.upload.TusSpecificationIntegrationTests.MIB;
import static dev.ferry.upload.TusSpecificationIntegrationTests.random;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may upload, how much, under which names, and what the audit trail says. */
class UploadAccessIntegrationTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	private TestAccounts accounts;

	private Tus tus;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(api, adminToken());
		tus = new Tus(api);
	}

	@Test
	void guestsCannotUpload() {
		TestAccounts.Account guest = accounts.create(Role.GUEST, null);
		Api.Response response = tus.create(guest.token(), 10, Map.of("filename", "g.txt"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
	}

	@Test
	void apiKeysNeedTheWriteScopeAndThoseWithItWork() {
		TestAccounts.Account user = accounts.user();
		String readOnly = apiKey(user, List.of("read"));
		assertThat(tus.create(readOnly, 10, Map.of("filename", "k.txt")).status()).isEqualTo(403);
		String writer = apiKey(user, List.of("read", "write"));
		Api.Response created = tus.create(writer, 10, Map.of("filename", "k.txt"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(tus.head(created.header("Location"), readOnly).status()).isEqualTo(403);
		assertThat(tus.head(created.header("Location"), user.token()).status()).isEqualTo(200);
	}

	@Test
	void anonymousCallersMustSignIn() {
		assertThat(tus.create(null, 10, Map.of("filename", "a.txt")).status()).isEqualTo(401);
	}

	@Test
	void anotherUsersUploadDoesNotExistForYou() {
		TestAccounts.Account owner = accounts.user();
		TestAccounts.Account other = accounts.user();
		String location = tus.create(owner.token(), 100, Map.of("filename", "mine.bin")).header("Location");
		assertThat(tus.head(location, other.token()).status()).isEqualTo(404);
		assertThat(tus.patch(location, other.token(), 0, random(10)).status()).isEqualTo(404);
		assertThat(tus.delete(location, other.token()).status()).isEqualTo(404);
		Api.Response own = tus.head(location, owner.token());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.header("Upload-Offset")).isEqualTo("0");
		assertThat(auditOutcomes(location, "upload.access")).containsOnly("denied").hasSize(3);
	}

	@Test
	void anUnknownUploadAndAWrongOffsetAreRefusedOnTheTrail() {
		TestAccounts.Account user = accounts.user();
		String unknown = Tus.BASE + "/" + UUID.randomUUID();
		assertThat(tus.head(unknown, user.token()).status()).isEqualTo(404);
		assertThat(auditOutcomes(unknown, "upload.access")).containsExactly("failure");

		String location = tus.create(user.token(), 100, Map.of("filename", "offset.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 50, random(10)).status()).isEqualTo(409);
		assertThat(auditOutcomes(location, "upload.failed")).containsExactly("failure");
	}

	@Test
	void refusalsOfAnUploadThatExistsAreOnTheTrailOnceEach() {
		TestAccounts.Account user = accounts.user();
		String location = tus.create(user.token(), 10, Map.of("filename", "refusals.bin")).header("Location");
		Api.Response otherLength = api
			.send(tus.patchRequest(location, user.token(), 0, random(5)).header("Upload-Length", "20"));
		assertThat(otherLength.status()).isEqualTo(400);
		assertThat(otherLength.json().get("type").asString()).isEqualTo("/problems/upload-length-fixed");
		// Refused by their headers alone, before the upload is looked up.
		assertThat(
				api.send(tus.patchRequest(location, user.token(), 0, random(5)).setHeader("Content-Type", "text/plain"))
					.status())
			.isEqualTo(415);
		assertThat(
				api.send(tus.patchRequest(location, user.token(), 0, random(5)).header("Upload-Checksum", "crc32 AAAA"))
					.status())
			.isEqualTo(400);
		assertThat(tus.patch(location, user.token(), 0, random(10)).status()).isEqualTo(204);
		assertThat(tus.patch(location, user.token(), 10, random(5)).status()).isEqualTo(413);
		assertThat(auditDetails(location, "upload.failed")).satisfiesExactly(
				(details) -> assertThat(details).contains("/problems/upload-length-fixed"),
				(details) -> assertThat(details).contains("/problems/unsupported-media-type"),
				(details) -> assertThat(details).contains("/problems/unsupported-checksum"),
				(details) -> assertThat(details).contains("/problems/upload-length-exceeded"));

		String expiring = tus.create(user.token(), 10, Map.of("filename", "expired.bin")).header("Location");
		jdbc.sql("UPDATE uploads SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 60_000, uploadId(expiring))
			.update();
		assertThat(tus.head(expiring, user.token()).status()).isEqualTo(410);
		assertThat(tus.patch(expiring, user.token(), 0, random(10)).status()).isEqualTo(410);
		assertThat(auditDetails(expiring, "upload.access")).hasSize(2)
			.allSatisfy((details) -> assertThat(details).contains("expired"));
		assertThat(auditOutcomes(expiring, "upload.failed")).isEmpty();
	}

	@Test
	void badMetadataIsRefusedBeforeAnythingIsStored() {
		TestAccounts.Account user = accounts.user();
		assertThat(createWithRawMetadata(user, "filename not*base64!").status()).isEqualTo(400);
		assertThat(createWithRawMetadata(user, "filename /w==").status()).isEqualTo(400);
		assertThat(createWithRawMetadata(user, "filetype dGV4dC9wbGFpbg==").status()).isEqualTo(400);
		assertThat(tus.create(user.token(), 10, Map.of("filename", "../../etc/passwd")).status()).isEqualTo(400);
		assertThat(tus.create(user.token(), 10, Map.of("filename", "ok.txt", "path", "/docs/../../etc")).status())
			.isEqualTo(400);
		Api.Response traversal = tus.create(user.token(), 10, Map.of("filename", "..", "path", "/docs"));
		assertThat(traversal.status()).isEqualTo(400);
		assertThat(traversal.contentType()).startsWith("application/problem+json");
		assertThat(uploadsOf(user)).isZero();
	}

	@Test
	void quotaIsCheckedAtCreationAgainstUploadsInProgress() {
		TestAccounts.Account user = accounts.create(Role.USER, 1000L);
		Api.Response tooBig = tus.create(user.token(), 2000, Map.of("filename", "big.bin"));
		assertThat(tooBig.status()).isEqualTo(413);
		assertThat(tooBig.json().get("remaining_bytes").asLong()).isEqualTo(1000);
		assertThat(tooBig.json().get("detail").asString()).contains("1000 bytes");

		assertThat(tus.create(user.token(), 600, Map.of("filename", "first.bin")).status()).isEqualTo(201);
		Api.Response second = tus.create(user.token(), 600, Map.of("filename", "second.bin"));
		assertThat(second.status()).isEqualTo(413);
		assertThat(second.json().get("remaining_bytes").asLong()).isEqualTo(400);
	}

	@Test
	void parallelCreationsCannotTogetherPassTheQuotaAndPlainUploadsSeeTheReservation() throws Exception {
		TestAccounts.Account user = accounts.create(Role.USER, 1000L);
		CyclicBarrier start = new CyclicBarrier(8);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Api.Response> created = new ArrayList<>();
		try {
			List<Future<Api.Response>> sent = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String name = "parallel-" + i + ".bin";
				sent.add(threads.submit(() -> {
					start.await();
					return tus.create(user.token(), 900, Map.of("filename", name));
				}));
			}
			for (Future<Api.Response> response : sent) {
				created.add(response.get());
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(created).extracting(Api.Response::status).containsOnly(201, 413);
		assertThat(created).filteredOn((r) -> r.status() == 201).hasSize(1);
		String location = created.stream()
			.filter((r) -> r.status() == 201)
			.findFirst()
			.orElseThrow()
			.header("Location");

		Api.Response plain = api.send(api.builder("/api/v1/files/content?path=/plain.bin", user.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(random(200))));
		assertThat(plain.status()).as("the tus upload holds 900 of 1000 bytes").isEqualTo(413);
		assertThat(plain.json().get("remaining_bytes").asLong()).isEqualTo(100);

		assertThat(tus.delete(location, user.token()).status()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_reservations WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).as("termination released the reservation").isZero();
		assertThat(tus.create(user.token(), 900, Map.of("filename", "again.bin")).status()).isEqualTo(201);
	}

	@Test
	void deferredUploadIsRefusedWhenItsOffsetWouldCrossTheQuota() {
		TestAccounts.Account user = accounts.create(Role.USER, 2L * MIB + 1000);
		String location = api
			.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Defer-Length", "1")
				.header("Upload-Metadata", Tus.metadata(Map.of("filename", "growing.log")))
				.POST(HttpRequest.BodyPublishers.noBody()))
			.header("Location");
		assertThat(tus.patch(location, user.token(), 0, random(MIB)).status()).isEqualTo(204);
		Api.Response crossing = tus.patch(location, user.token(), MIB, random(MIB + 1001));
		assertThat(crossing.status()).isEqualTo(413);
		assertThat(crossing.json().get("type").asString()).isEqualTo("/problems/quota-exceeded");
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo(Integer.toString(MIB));
		assertThat(tus.patch(location, user.token(), MIB, random(MIB + 1000)).status()).isEqualTo(204);
	}

	@Test
	void uploadsLargerThanTheServerMaximumAnswer413WithTusMaxSize() {
		TestAccounts.Account user = accounts.user();
		Api.Response response = tus.create(user.token(), 200L * 1024 * 1024 * 1024, Map.of("filename", "huge.iso"));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.header("Tus-Max-Size")).isEqualTo(Long.toString(100L * 1024 * 1024 * 1024));
	}

	@Test
	void theAuditTrailFollowsAnUpload() {
		TestAccounts.Account user = accounts.user();
		String done = tus.create(user.token(), 10, Map.of("filename", "audited.bin")).header("Location");
		api.send(tus.patchRequest(done, user.token(), 0, random(10)).header("Upload-Checksum", "sha1 AAAA"));
		tus.patch(done, user.token(), 0, random(10));
		assertThat(auditActions(done)).containsExactly("upload.started", "upload.failed", "upload.completed");

		String dropped = tus.create(user.token(), 10, Map.of("filename", "dropped.bin")).header("Location");
		tus.delete(dropped, user.token());
		assertThat(auditActions(dropped)).containsExactly("upload.started", "upload.terminated");
	}

	private String apiKey(TestAccounts.Account user, List<String> scopes) {
		Api.Response created = api.post("/api/v1/auth/api-keys", Map.of("name", "tus " + scopes, "scopes", scopes),
				user.token());
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("key").asString();
	}

	private Api.Response createWithRawMetadata(TestAccounts.Account user, String metadata) {
		return api.send(tus.request(Tus.BASE, user.token())
			.header("Upload-Length", "10")
			.header("Upload-Metadata", metadata)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	private long uploadsOf(TestAccounts.Account user) {
		return jdbc.sql("SELECT COUNT(*) FROM uploads WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single();
	}

	private List<String> auditActions(String location) {
		return jdbc.sql("SELECT action FROM audit_log WHERE object_id = ? AND action LIKE 'upload.%' ORDER BY seq")
			.param(location.substring(Tus.BASE.length() + 1))
			.query(String.class)
			.list();
	}

	private List<String> auditDetails(String location, String action) {
		return jdbc.sql("SELECT details FROM audit_log WHERE object_id = ? AND action = ? ORDER BY seq")
			.params(uploadId(location), action)
			.query(String.class)
			.list();
	}

	private static String uploadId(String location) {
		return location.substring(Tus.BASE.length() + 1);
	}

	private List<String> auditOutcomes(String location, String action) {
		return jdbc.sql("SELECT outcome FROM audit_log WHERE object_id = ? AND action = ? ORDER BY seq")
			.params(location.substring(Tus.BASE.length() + 1), action)
			.query(String.class)
			.list();
	}

}
