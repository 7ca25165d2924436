package dev.ferry.sftp;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ferry.auth.TotpCodes;
import dev.ferry.files.FileTree;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * SFTP end to end with the real clients: OpenSSH's {@code sftp -b} (keys, password,
 * password plus second factor) and rclone's SFTP backend, checked through the HTTP API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SftpIntegrationTests {

	private static final int DEFENDER_THRESHOLD = 3;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "sftp");
		registry.add("ferry.sftp.port", () -> "0");
		// Only the test's own client is exempt, so the defender scores the other loopback
		// addresses the tests sign in from.
		registry.add("ferry.defender.exempt", () -> "127.0.0.1/32");
		registry.add("ferry.defender.threshold", () -> DEFENDER_THRESHOLD);
	}

	@LocalServerPort
	int port;

	@Autowired
	SftpServer sftp;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@TempDir
	Path dir;

	Api api;

	SftpClients clients;

	@BeforeEach
	void connect() {
		api = new Api("http://127.0.0.1:" + port);
		clients = new SftpClients(sftp.port(), dir);
	}

	record Account(UUID id, String email, String password, String token) {
	}

	@Test
	void sshKeysAreAddedListedAndDeletedThroughTheApi() {
		Account user = newUser();
		Path key = clients.newKey("ed25519", "laptop");
		Api.Response bad = api.post("/api/v1/auth/ssh-keys", Map.of("name", "x", "public_key", "ssh-rsa notbase64!"),
				user.token());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("type").asString()).isEqualTo("/problems/invalid-ssh-key");
		Api.Response added = api.post("/api/v1/auth/ssh-keys",
				Map.of("name", "laptop", "public_key", clients.publicKey(key)), user.token());
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("fingerprint").asString()).isEqualTo(clients.fingerprint(key));
		assertThat(api
			.post("/api/v1/auth/ssh-keys", Map.of("name", "again", "public_key", clients.publicKey(key)), user.token())
			.status()).isEqualTo(409);
		JsonNode items = api.get("/api/v1/auth/ssh-keys", user.token()).json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("name").asString()).isEqualTo("laptop");
		String id = added.json().get("id").asString();
		Account other = newUser();
		assertThat(api.delete("/api/v1/auth/ssh-keys/" + id, other.token()).status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/auth/ssh-keys/" + id, user.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/auth/ssh-keys", user.token()).json().get("items")).isEmpty();
	}

	@Test
	void batchSessionWithAKeyPutsListsRenamesGetsAndRemoves() throws IOException {
		Account user = newUser();
		Path key = addKey(user, "ecdsa");
		byte[] content = bytes(700_000, 1);
		clients.write("report.bin", content);
		SftpClients.Run run = clients.withKey(user.email(), key, "mkdir /docs", "put report.bin /docs/report.bin",
				"ls -l /docs", "rename /docs/report.bin /docs/final.bin", "rename /docs/final.bin /docs/./final.bin",
				"get /docs/final.bin back.bin", "ls /");
		assertThat(run.exit()).as(run.out()).isZero();
		assertThat(run.out()).contains("700000").contains("docs");
		assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(content);
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'auth.login' AND outcome = 'success'"
					+ " AND actor_id = ?")
			.param(user.id().toString())
			.query(String.class)
			.list()).anySatisfy((details) -> assertThat(details).contains("\"sftp\"").contains("\"key\""));
		assertThat(jdbc.sql("SELECT actor_id FROM audit_log WHERE details LIKE '%/docs/report.bin%'")
			.query(String.class)
			.list()).as("the upload and the rename are the account's, not anonymous")
			.hasSizeGreaterThanOrEqualTo(2)
			.containsOnly(user.id().toString());
		assertThat(jdbc.sql("SELECT ip || ' ' || user_agent FROM audit_log WHERE details LIKE '%/docs/report.bin%'")
			.query(String.class)
			.list()).as("the upload (its writer thread) and the rename name the SSH client")
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((client) -> assertThat(client).startsWith("127.0.0.1 SSH-2.0-OpenSSH"));
		JsonNode file = onlyFile(user);
		assertThat(file.get("path").asString()).isEqualTo("/docs/final.bin");
		assertThat(file.get("sha256").asString()).isEqualTo(sha256(content));
		SftpClients.Run removed = clients.withKey(user.email(), key, "rm /docs/final.bin", "rmdir /docs", "ls /");
		assertThat(removed.exit()).as(removed.out()).isZero();
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).isEmpty();
		JsonNode trashed = api.get("/api/v1/trash", user.token()).json().get("items");
		assertThat(trashed).as("rm moves the file to the trash, as the web UI does").hasSize(1);
		assertThat(api.post("/api/v1/trash/" + file.get("id").asString() + "/restore", Map.of(), user.token()).status())
			.isEqualTo(200);
		assertThat(onlyFile(user).get("sha256").asString()).isEqualTo(sha256(content));
	}

	/**
	 * Folders are the web UI's: one made with {@code mkdir} is still there for the API
	 * after the session, one made in the web UI goes with {@code rmdir}, an empty one is
	 * renamed with the empty folders in it, and a folder holding a file stays, renamed or
	 * not.
	 */
	@Test
	void foldersAreTheWebUisOnesMadeRenamedAndRemovedOverSftp() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		assertThat(api.post("/api/v1/folders", Map.of("path", "/from-web"), user.token()).status()).isEqualTo(201);
		clients.write("a.bin", bytes(1000, 7));
		SftpClients.Run made = clients.withKey(user.email(), key, "mkdir /made", "mkdir /made/deeper",
				"mkdir /made/deeper/deepest", "rename /made/deeper /made/renamed", "rmdir /from-web", "mkdir /full",
				"put a.bin /full/a.bin");
		assertThat(made.exit()).as(made.out()).isZero();

		for (String refused : List.of("rmdir /full", "mkdir /full/a.bin", "rename /full /moved", "rmdir /never",
				"rename /made /made/renamed/inside")) {
			SftpClients.Run run = clients.withKey(user.email(), key, refused);
			assertThat(run.exit()).as(refused + ": " + run.out()).isNotZero();
		}

		assertThat(folders(user, "/")).containsExactly("/full", "/made");
		assertThat(folders(user, "/made/renamed")).containsExactly("/made/renamed/deepest");
		assertThat(onlyFile(user).get("path").asString()).isEqualTo("/full/a.bin");
		assertThat(jdbc
			.sql("SELECT action || ' ' || outcome || ' ' || details FROM audit_log WHERE action LIKE 'folder.%'"
					+ " AND actor_id = ? ORDER BY seq")
			.param(user.id().toString())
			.query(String.class)
			.list())
			.anySatisfy((row) -> assertThat(row).startsWith("folder.created success")
				.contains("\"/made\"")
				.contains("\"sftp\""))
			.anySatisfy((row) -> assertThat(row).startsWith("folder.moved success").contains("\"/made/renamed\""))
			.anySatisfy((row) -> assertThat(row).startsWith("folder.deleted success").contains("\"/from-web\""))
			.anySatisfy((row) -> assertThat(row).startsWith("folder.deleted failure")
				.contains("\"/full\"")
				.contains("not_empty"))
			.anySatisfy((row) -> assertThat(row).startsWith("folder.moved failure")
				.contains("\"/moved\"")
				.contains("not_empty"))
			.anySatisfy((row) -> assertThat(row).startsWith("folder.moved failure")
				.contains("\"/made/renamed/inside\"")
				.contains("invalid"));
	}

	/**
	 * A client's recursive delete of a tree uploaded without {@code mkdir}: each folder
	 * it empties stays until its own {@code rmdir}, as on a disk, and then nothing is
	 * left.
	 */
	@Test
	void aRecursiveDeleteRemovesEveryFolderOnTheWay() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		assertThat(api
			.send(api.builder("/api/v1/files/content?path=/r/s/t/f.bin", user.token())
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(100, 8))))
			.status()).isEqualTo(201);

		SftpClients.Run removed = clients.withKey(user.email(), key, "rm /r/s/t/f.bin", "ls /r/s", "rmdir /r/s/t",
				"rmdir /r/s", "rmdir /r");

		assertThat(removed.exit()).as(removed.out()).isZero();
		assertThat(folders(user, "/")).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM folders WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * OpenSSH offers the public key before it signs; a key it cannot sign with (here
	 * locked by a passphrase in batch mode, as for anyone who only knows the public key)
	 * is no sign-in and no "last used", but a failed one on the trail.
	 */
	@Test
	void aKeyThatIsOfferedButNeverSignsIsNoSignIn() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		clients.lock(key, "locked-away-" + UUID.randomUUID());

		SftpClients.Run probe = clients.withKey(user.email(), key, "ls /");

		assertThat(probe.exit()).isNotZero();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'success' AND actor_id = ? "
					+ "AND details LIKE '%\"sftp\"%'")
			.param(user.id().toString())
			.query(Long.class)
			.single()).as("the web sign-in of newUser is the only one").isZero();
		assertThat(api.get("/api/v1/auth/ssh-keys", user.token()).json().get("items").get(0).hasNonNull("last_used_at"))
			.as("the key was never used")
			.isFalse();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(jdbc
				.sql("SELECT details FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure' "
						+ "AND actor_id = ?")
				.param(user.id().toString())
				.query(String.class)
				.list()).singleElement().asString().contains("\"key_not_proven\"").contains("\"sftp\""));
	}

	@Test
	void aQuarantinedFileOrOneLimitedToNetworksIsNotServed() throws IOException {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		clients.write("up.bin", bytes(1000, 3));
		assertThat(clients.withKey(user.email(), key, "put up.bin /infected.bin", "put up.bin /guarded.bin").exit())
			.isZero();
		JsonNode files = api.get("/api/v1/files", user.token()).json().get("items");
		for (JsonNode file : files) {
			if (file.get("name").asString().equals("infected.bin")) {
				jdbc.sql(
						"UPDATE files SET scan_status = 'infected', scan_signature = 'Eicar-Test-Signature' WHERE id = ?")
					.param(file.get("id").asString())
					.update();
			}
			else {
				assertThat(api
					.patch("/api/v1/files/" + file.get("id").asString(), Map.of("allowed_ips", List.of("192.0.2.0/24")),
							user.token())
					.status()).isEqualTo(200);
			}
		}

		SftpClients.Run infected = clients.withKey(user.email(), key, "get /infected.bin infected.bin");
		SftpClients.Run guarded = clients.withKey(user.email(), key, "get /guarded.bin guarded.bin");

		assertThat(infected.exit()).as(infected.out()).isNotZero();
		assertThat(received(dir.resolve("infected.bin"))).as("no byte arrived").isZero();
		assertThat(guarded.exit()).as(guarded.out()).isNotZero();
		assertThat(received(dir.resolve("guarded.bin"))).as("no byte arrived").isZero();
	}

	@Test
	void uploadsAndDownloadsResumeWithReputAndReget() throws IOException {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		byte[] full = bytes(1_500_000, 2);
		clients.write("full.bin", full);
		clients.write("half.bin", Arrays.copyOf(full, 600_000));
		SftpClients.Run reput = clients.withKey(user.email(), key, "put half.bin /big.bin", "reput full.bin /big.bin");
		assertThat(reput.exit()).as(reput.out()).isZero();
		JsonNode file = onlyFile(user);
		assertThat(file.get("size").asLong()).isEqualTo(full.length);
		assertThat(file.get("sha256").asString()).isEqualTo(sha256(full));
		clients.write("partial.bin", Arrays.copyOf(full, 400_000));
		SftpClients.Run reget = clients.withKey(user.email(), key, "reget /big.bin partial.bin");
		assertThat(reget.exit()).as(reget.out()).isZero();
		assertThat(Files.readAllBytes(dir.resolve("partial.bin"))).isEqualTo(full);
	}

	/**
	 * A client that opens a file without truncation and writes from its start (MINA and
	 * WinSCP-style clients can; OpenSSH's {@code put} truncates) changes its first bytes
	 * and keeps the rest, as on a disk, instead of cutting the file to what it wrote.
	 */
	@Test
	void writingTheStartOfAFileOpenedWithoutTruncationKeepsItsRest() throws IOException {
		Account user = newUser();
		byte[] before = bytes(300_000, 6);
		byte[] head = bytes(1_000, 7);
		withMinaSftp(user, (files) -> {
			SftpClient.Handle created = files.open("/doc.bin", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
					SftpClient.OpenMode.Truncate);
			files.write(created, 0, before);
			files.close(created);
			SftpClient.Handle patched = files.open("/doc.bin", SftpClient.OpenMode.Write);
			files.write(patched, 0, head);
			files.close(patched);
		});

		byte[] expected = before.clone();
		System.arraycopy(head, 0, expected, 0, head.length);
		JsonNode file = onlyFile(user);
		assertThat(file.get("size").asLong()).isEqualTo(expected.length);
		assertThat(file.get("sha256").asString()).isEqualTo(sha256(expected));
		assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'file.upload.completed' AND actor_id = ?")
			.param(user.id().toString())
			.query(String.class)
			.list()).hasSize(2).allSatisfy((details) -> assertThat(details).contains("\"channel\":\"sftp\""));
	}

	@Test
	void anUploadOverTheQuotaFailsAndStoresNothing() {
		Account user = newUser();
		Path key = addKey(user, "ecdsa");
		Api.Response quota = api.patch("/api/v1/admin/users/" + user.id(), Map.of("quota_bytes", 100_000), admin());
		assertThat(quota.status()).as(quota.body()).isEqualTo(200);
		clients.write("big.bin", bytes(300_000, 4));
		SftpClients.Run run = clients.withKey(user.email(), key, "put big.bin /big.bin");
		assertThat(run.exit()).isNotZero();
		assertThat(run.out()).contains("close remote: Failure");
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).isEmpty();
	}

	/**
	 * A refusal of Ferry's own reaches the client with its reason (MINA's client keeps
	 * the server's message), and a missing scope is "permission denied", not "failure".
	 */
	@Test
	void refusalsTellTheClientWhy() throws IOException {
		Account user = newUser();
		Api.Response quota = api.patch("/api/v1/admin/users/" + user.id(), Map.of("quota_bytes", 100_000), admin());
		assertThat(quota.status()).as(quota.body()).isEqualTo(200);
		withMinaSftp(user, (files) -> {
			SftpClient.Handle big = files.open("/big.bin", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create);
			files.write(big, 0, bytes(300_000, 5));
			assertThatThrownBy(() -> files.close(big)).isInstanceOf(SftpException.class)
				.hasMessageContaining("does not fit in your storage quota");
		});
		withMinaSftp(newGuest(), (files) -> assertThatThrownBy(() -> files.mkdir("/x")).isInstanceOfSatisfying(
				SftpException.class,
				(refused) -> assertThat(refused.getStatus()).isEqualTo(SftpConstants.SSH_FX_PERMISSION_DENIED)));
	}

	@Test
	void aPasswordSignsIn() {
		Account user = newUser();
		SftpClients.Run run = clients.withAnswers(user.email(), "password", Map.of("assword", user.password()),
				"mkdir /in", "ls /");
		assertThat(run.exit()).as(run.out()).isZero();
		SftpClients.Run wrong = clients.withAnswers(user.email(), "password", Map.of("assword", "wrong"), "ls /");
		assertThat(wrong.exit()).isNotZero();
		assertThat(wrong.out()).contains("Permission denied");
	}

	/**
	 * An account the security policy requires a second factor of, without one yet, gets a
	 * web session that can only enroll; SFTP cannot be limited like that, so it waits,
	 * with its password and with a key it added before the policy came in alike.
	 */
	@Test
	void anAccountThatMustFirstEnrollASecondFactorIsRefused() {
		Account guest = newUser();
		String email = guest.email();
		String password = guest.password();
		// A key added while the account could add one; a guest now, whom
		// the policy covers.
		Path key = addKey(guest, "ed25519");
		assertThat(api.patch("/api/v1/admin/users/" + guest.id(), Map.of("role", "guest"), admin()).status())
			.isEqualTo(200);
		assertThat(api.put("/api/v1/admin/security-policy", Map.of("require_2fa", "guest"), admin()).status())
			.isEqualTo(200);
		try {
			SftpClients.Run refused = clients.withAnswers(email, "password", Map.of("assword", password), "ls /");
			SftpClients.Run refusedKey = clients.withKey(email, key, "ls /");

			assertThat(refused.exit()).isNotZero();
			assertThat(refusedKey.exit()).as(refusedKey.out()).isNotZero();
			assertThat(jdbc
				.sql("SELECT details FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied' "
						+ "AND details LIKE '%mfa_enrollment_required%' AND actor_id = ?")
				.param(guest.id().toString())
				.query(String.class)
				.list()).anySatisfy((details) -> assertThat(details).contains("\"key\""))
				.anySatisfy((details) -> assertThat(details).doesNotContain("\"key\""));
		}
		finally {
			api.put("/api/v1/admin/security-policy", Map.of("require_2fa", "none"), admin());
		}
	}

	@Test
	void anAccountWithTwoFactorNeedsItsCodeOnTopOfThePassword() {
		Account user = newUser();
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), user.token()).json().get("secret").asString();
		List<String> recovery = api
			.post("/api/v1/auth/2fa/verify", Map.of("code", TotpCodes.at(secret, Instant.now())), user.token())
			.json()
			.get("recovery_codes")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		SftpClients.Run passwordOnly = clients.withAnswers(user.email(), "password", Map.of("assword", user.password()),
				"ls /");
		assertThat(passwordOnly.exit()).isNotZero();
		SftpClients.Run wrongCode = clients.withAnswers(user.email(), "keyboard-interactive",
				Map.of("assword", user.password(), "code", "000000"), "ls /");
		assertThat(wrongCode.exit()).isNotZero();
		SftpClients.Run withCode = clients.withAnswers(user.email(), "keyboard-interactive",
				Map.of("assword", user.password(), "code", recovery.get(0)), "ls /");
		assertThat(withCode.exit()).as(withCode.out()).isZero();
	}

	@Test
	void anUnknownKeyAndASuspendedAccountAreRefused() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		Path stranger = clients.newKey("ed25519", "stranger");
		SftpClients.Run wrongKey = clients.withKey(user.email(), stranger, "ls /");
		assertThat(wrongKey.exit()).isNotZero();
		assertThat(wrongKey.out()).contains("Permission denied");
		assertThat(clients.withKey(user.email(), key, "ls /").exit()).isZero();
		Api.Response suspended = api.post("/api/v1/admin/users/" + user.id() + "/suspend", Map.of(), admin());
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		SftpClients.Run refused = clients.withKey(user.email(), key, "ls /");
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.out()).contains("Permission denied");
	}

	/**
	 * A session outlives its sign-in: suspending the account ends what it may do in an
	 * open session within seconds ({@code FerryFileSystem.STANDING_CHECK}).
	 */
	@Test
	void aSessionOpenWhenTheAccountIsSuspendedLosesItsAccess() throws IOException, InterruptedException {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		aLiveSessionEndsWhen(user, key, () -> {
			Api.Response suspended = api.post("/api/v1/admin/users/" + user.id() + "/suspend", Map.of(), admin());
			assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		});
	}

	/**
	 * Deleting a key withdraws it from the sessions it signed in, not only from the next
	 * sign-in: a lost laptop's key is removed to cut it off.
	 */
	@Test
	void aSessionSignedInWithAKeyLosesItsAccessWhenTheKeyIsDeleted() throws IOException, InterruptedException {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		String keyId = api.get("/api/v1/auth/ssh-keys", user.token()).json().get("items").get(0).get("id").asString();
		aLiveSessionEndsWhen(user, key,
				() -> assertThat(api.delete("/api/v1/auth/ssh-keys/" + keyId, user.token()).status()).isEqualTo(204));
		assertThat(clients.withAnswers(user.email(), "password", Map.of("assword", user.password()), "ls /").exit())
			.as("the account itself still signs in")
			.isZero();
	}

	/**
	 * Opens an OpenSSH session with {@code key}, sees it work, runs {@code revoke} and
	 * awaits the session's end on a refused command.
	 */
	private void aLiveSessionEndsWhen(Account user, Path key, Runnable revoke)
			throws IOException, InterruptedException {
		Path output = dir.resolve("live-session.txt");
		Process session = clients.sessionWithKey(user.email(), key, output);
		// Not closed: once the session ends on the refused command, its input is gone.
		Writer commands = new OutputStreamWriter(session.getOutputStream(), StandardCharsets.UTF_8);
		commands.write("mkdir /live\nls /\n");
		commands.flush();
		await().atMost(Duration.ofSeconds(30)).until(() -> SftpClients.read(output).contains("live"));
		revoke.run();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			try {
				commands.write("ls /\n");
				commands.flush();
			}
			catch (IOException ex) {
				// The session already ended on a refused command.
			}
			return !session.isAlive();
		});
		assertThat(session.waitFor()).as("sftp -b stops at the refused command").isNotZero();
		assertThat(SftpClients.read(output)).contains("Permission denied");
	}

	/**
	 * Every write handle holds a thread until it closes: a session gets at most
	 * {@link SftpServer#MAX_HANDLES_PER_SESSION}, and the next open is refused, not the
	 * server's threads exhausted. Apache MINA's own SFTP client, as OpenSSH's keeps one
	 * handle at a time.
	 */
	@Test
	void aSessionHoldsAtMostItsShareOfOpenHandles() throws IOException {
		Account user = newUser();
		withMinaSftp(user, (files) -> {
			List<SftpClient.Handle> handles = new ArrayList<>();
			for (int i = 0; i < SftpServer.MAX_HANDLES_PER_SESSION; i++) {
				handles.add(files.open("/handle-" + i + ".txt", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create));
			}
			assertThatThrownBy(
					() -> files.open("/one-too-many.txt", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create))
				.as("MINA answers SSH_FX_NO_SPACE_ON_FILESYSTEM for a full handle table")
				.isInstanceOf(SftpException.class);
			files.close(handles.get(0));
			files.close(files.open("/after-one-closed.txt", SftpClient.OpenMode.Write, SftpClient.OpenMode.Create));
			for (SftpClient.Handle handle : handles.subList(1, handles.size())) {
				files.close(handle);
			}
		});
	}

	/**
	 * Handles opened before a suspension stop too, within seconds: a download gets no
	 * more bytes, and an upload is abandoned, not stored as far as it got.
	 */
	@Test
	void handlesOpenWhenTheAccountIsSuspendedStop() throws IOException {
		Account user = newUser();
		api.send(api.builder("/api/v1/files/content?path=%2Freading.bin", user.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(300_000, 3))));
		withMinaSftp(user, (files) -> {
			SftpClient.Handle reading = files.open("/reading.bin", SftpClient.OpenMode.Read);
			byte[] buffer = new byte[32_768];
			assertThat(files.read(reading, 0, buffer, 0, buffer.length)).isEqualTo(buffer.length);
			SftpClient.Handle writing = files.open("/writing.bin", SftpClient.OpenMode.Write,
					SftpClient.OpenMode.Create);
			byte[] piece = bytes(10_000, 4);
			files.write(writing, 0, piece);
			Api.Response suspended = api.post("/api/v1/admin/users/" + user.id() + "/suspend", Map.of(), admin());
			assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
			long[] offset = { piece.length };
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				try {
					files.write(writing, offset[0], piece);
					offset[0] += piece.length;
					return false;
				}
				catch (SftpException refused) {
					return true;
				}
			});
			assertThatThrownBy(() -> files.read(reading, buffer.length, buffer, 0, buffer.length))
				.isInstanceOf(SftpException.class);
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM files WHERE owner_id = ? AND name = 'writing.bin'")
			.param(user.id().toString())
			.query(Long.class)
			.single()).as("the abandoned upload stored nothing").isZero();
	}

	/**
	 * An account holds at most {@link SftpServer#MAX_SESSIONS_PER_ACCOUNT} sessions, each
	 * name spelled differently (MINA's own limit counts names as typed, and every
	 * spelling signs in to the same account): the next is refused and audited, and a
	 * closed one makes room.
	 */
	@Test
	void anAccountHoldsAtMostItsShareOfSessionsHoweverItsAddressIsSpelled() throws IOException {
		Account user = newUser();
		try (SshClient client = SshClient.setUpDefaultClient()) {
			client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
			client.start();
			List<ClientSession> open = new ArrayList<>();
			try {
				for (int i = 0; i < SftpServer.MAX_SESSIONS_PER_ACCOUNT; i++) {
					open.add(signIn(client, spelled(user.email(), i), user.password()));
				}
				assertThatThrownBy(() -> signIn(client, spelled(user.email(), 1000), user.password()))
					.as("one session too many")
					.isInstanceOf(IOException.class);
				assertThat(jdbc
					.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied' "
							+ "AND actor_id = ? AND details LIKE '%too_many_sessions%'")
					.param(user.id().toString())
					.query(Long.class)
					.single()).isEqualTo(1);
				open.remove(0).close();
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> signIn(client, spelled(user.email(), 1001), user.password()).close());
			}
			finally {
				for (ClientSession session : open) {
					session.close();
				}
			}
		}
	}

	private ClientSession signIn(SshClient client, String name, String password) throws IOException {
		ClientSession session = client.connect(name, "127.0.0.1", sftp.port())
			.verify(Duration.ofSeconds(30))
			.getSession();
		try {
			session.addPasswordIdentity(password);
			session.auth().verify(Duration.ofSeconds(30));
			return session;
		}
		catch (IOException | RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	/**
	 * {@code email} with the letters whose position's bit is set in {@code variant} in
	 * capitals.
	 */
	private static String spelled(String email, int variant) {
		StringBuilder spelled = new StringBuilder();
		int letter = 0;
		for (char c : email.toCharArray()) {
			boolean upper = Character.isLetter(c) && ((variant >> letter++) & 1) == 1;
			spelled.append(upper ? Character.toUpperCase(c) : c);
		}
		return spelled.toString();
	}

	/**
	 * A new version arriving while a download's handle is open ends that download with an
	 * error instead of handing out the rest of the other content.
	 */
	@Test
	void aNewVersionDuringADownloadEndsItWithAnError() throws IOException {
		Account user = newUser();
		byte[] first = bytes(300_000, 7);
		api.send(api.builder("/api/v1/files/content?path=%2Fchanging.bin", user.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(first)));
		withMinaSftp(user, (files) -> {
			SftpClient.Handle handle = files.open("/changing.bin", SftpClient.OpenMode.Read);
			byte[] buffer = new byte[32_768];
			assertThat(files.read(handle, 0, buffer, 0, buffer.length)).isEqualTo(buffer.length);
			assertThat(Arrays.copyOf(buffer, 16)).isEqualTo(Arrays.copyOf(first, 16));
			assertThat(files.read(handle, 100_000, buffer, 0, buffer.length)).as("a jump is a new read")
				.isEqualTo(buffer.length);
			Api.Response replaced = api.send(api.builder("/api/v1/files/content?path=%2Fchanging.bin", user.token())
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(300_000, 8))));
			assertThat(replaced.status()).as(replaced.body()).isIn(200, 201);

			assertThatThrownBy(() -> files.read(handle, 200_000, buffer, 0, buffer.length))
				.as("MINA answers SSH_FX_FAILURE without the server's reason")
				.isInstanceOf(SftpException.class);
			files.close(handle);
		});
	}

	/**
	 * A folder with more entries than one listing gives answers an error, not the first
	 * 10,000: a sync tool would take the rest for deleted. The rows are inserted directly
	 * (nothing here reads their content).
	 */
	@Test
	void aFolderTooLargeToListIsAnErrorNotAPartialListing() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		long now = System.currentTimeMillis();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i <= FileTree.MAX_ENTRIES; i++) {
			rows.add(new Object[] { UUID.randomUUID().toString(), user.id().toString(), "/big", "f" + i + ".txt",
					"text/plain", 1, "0".repeat(64), UUID.randomUUID().toString(), now, now, "f" + i + ".txt", now,
					user.id().toString() });
		}
		new JdbcTemplate(dataSource).batchUpdate("INSERT INTO files (id, owner_id, folder, name, content_type, size, "
				+ "sha256, blob_id, created_at, modified_at, scan_status, name_lower, scan_due_at, uploaded_by) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'clean', ?, ?, ?)", rows);

		SftpClients.Run listed = clients.withKey(user.email(), key, "ls /big");
		assertThat(listed.exit()).as(listed.out()).isNotZero();
		assertThat(clients.withKey(user.email(), key, "ls /").out()).contains("big");
	}

	@Test
	void rcloneCopiesToAndFromTheAccount() throws IOException {
		Account user = newUser();
		Path key = addKey(user, "ecdsa");
		Path local = Files.createDirectories(dir.resolve("local"));
		byte[] one = bytes(300_000, 3);
		Files.write(local.resolve("one.bin"), one);
		Files.writeString(local.resolve("two.txt"), "hello from rclone\n");
		SftpClients.Run up = clients.rclone(user.email(), key, "copy", local.toString(), ":sftp:/synced");
		assertThat(up.exit()).as(up.out()).isZero();
		SftpClients.Run list = clients.rclone(user.email(), key, "lsf", ":sftp:/synced");
		assertThat(list.out()).contains("one.bin").contains("two.txt");
		Path back = dir.resolve("back");
		SftpClients.Run down = clients.rclone(user.email(), key, "copy", ":sftp:/synced", back.toString());
		assertThat(down.exit()).as(down.out()).isZero();
		assertThat(Files.readAllBytes(back.resolve("one.bin"))).isEqualTo(one);
		assertThat(Files.readString(back.resolve("two.txt"))).isEqualTo("hello from rclone\n");
	}

	/**
	 * Bytes of a downloaded file; sftp creates the local file before the server refuses.
	 */
	@Test
	void anAccountLimitedToNetworksSignsInOnlyFromThem() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		Api.Response limited = api.patch("/api/v1/admin/users/" + user.id(),
				Map.of("allowed_ips", List.of("127.0.0.21/32")), admin());
		assertThat(limited.status()).as(limited.body()).isEqualTo(200);

		assertThat(clients.from("127.0.0.21").withKey(user.email(), key, "ls /").exit()).isZero();
		assertThat(clients.from("127.0.0.22").withKey(user.email(), key, "ls /").exit()).isNotZero();
		SftpClients.Run password = clients.from("127.0.0.22")
			.withAnswers(user.email(), "password", Map.of("assword", user.password()), "ls /");
		assertThat(password.exit()).isNotZero();
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied' "
					+ "AND object_id = ?")
			.param(user.id().toString())
			.query(String.class)
			.list()).hasSizeGreaterThanOrEqualTo(2).allMatch((details) -> details.contains("ip_not_allowed"));
		assertThat(jdbc
			.sql("SELECT ip FROM audit_log WHERE action = 'auth.login' AND outcome = 'success' AND actor_id = ?")
			.param(user.id().toString())
			.query(String.class)
			.list()).as("the refused sign-ins are no successes").contains("127.0.0.21").doesNotContain("127.0.0.22");
	}

	@Test
	void wrongPasswordsOverSftpGetTheAddressBannedAndTheTrailNamesIt() {
		Account user = newUser();
		SftpClients guesser = clients.from("127.0.0.26");
		for (int i = 0; i <= DEFENDER_THRESHOLD; i++) {
			assertThat(guesser.withAnswers(user.email(), "password", Map.of("assword", "wrong-" + i), "ls /").exit())
				.isNotZero();
		}

		SftpClients.Run right = guesser.withAnswers(user.email(), "password", Map.of("assword", user.password()),
				"ls /");

		assertThat(right.exit()).as("the address is banned, the right password too is refused").isNotZero();
		assertThat(clients.withAnswers(user.email(), "password", Map.of("assword", user.password()), "ls /").exit())
			.isZero();
		assertThat(jdbc
			.sql("SELECT ip FROM audit_log WHERE action = 'auth.login' AND outcome = 'failure' "
					+ "AND details LIKE '%wrong_password%' AND details LIKE ?")
			.param("%" + user.email() + "%")
			.query(String.class)
			.list()).hasSize(DEFENDER_THRESHOLD + 1).containsOnly("127.0.0.26");
		assertThat(
				jdbc.sql("SELECT object_id FROM audit_log WHERE action = 'defender.banned'").query(String.class).list())
			.contains("127.0.0.26");
	}

	@Test
	void anAddressAnAdministratorDeniedCannotSignIn() {
		Account user = newUser();
		Path key = addKey(user, "ed25519");
		assertThat(clients.from("127.0.0.24").withKey(user.email(), key, "ls /").exit()).isZero();
		Api.Response deny = api.post("/api/v1/admin/address-rules",
				Map.of("network", "127.0.0.24/32", "kind", "deny", "note", "sftp test"), admin());
		assertThat(deny.status()).as(deny.body()).isEqualTo(201);

		assertThat(clients.from("127.0.0.24").withKey(user.email(), key, "ls /").exit()).isNotZero();
		assertThat(clients.from("127.0.0.24")
			.withAnswers(user.email(), "password", Map.of("assword", user.password()), "ls /")
			.exit()).isNotZero();
		assertThat(clients.from("127.0.0.25").withKey(user.email(), key, "ls /").exit()).isZero();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'denied'"
					+ " AND details LIKE '%address_banned%'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	/**
	 * Signs {@code user} in by password with Apache MINA's SFTP client and runs
	 * {@code work}.
	 */
	private void withMinaSftp(Account user, MinaWork work) throws IOException {
		try (SshClient client = SshClient.setUpDefaultClient()) {
			client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
			client.start();
			try (ClientSession session = client.connect(user.email(), "127.0.0.1", sftp.port())
				.verify(Duration.ofSeconds(30))
				.getSession()) {
				session.addPasswordIdentity(user.password());
				session.auth().verify(Duration.ofSeconds(30));
				try (SftpClient files = SftpClientFactory.instance().createSftpClient(session)) {
					work.run(files);
				}
			}
		}
	}

	private interface MinaWork {

		void run(SftpClient files) throws IOException;

	}

	private static long received(Path file) throws IOException {
		return Files.exists(file) ? Files.size(file) : 0;
	}

	private Path addKey(Account user, String type) {
		Path key = clients.newKey(type, "key-" + UUID.randomUUID());
		Api.Response added = api.post("/api/v1/auth/ssh-keys",
				Map.of("name", "test key", "public_key", clients.publicKey(key)), user.token());
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return key;
	}

	private JsonNode onlyFile(Account user) {
		JsonNode items = api.get("/api/v1/files?recursive=true", user.token()).json().get("items");
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	private List<String> folders(Account user, String path) {
		Api.Response listing = api.get("/api/v1/files?path=" + path, user.token());
		assertThat(listing.status()).as(listing.body()).isEqualTo(200);
		return listing.json().get("folders").valueStream().map(JsonNode::asString).toList();
	}

	private Account newUser() {
		Account user = newAccount("user");
		return new Account(user.id(), user.email(), user.password(), api.login(user.email(), user.password()));
	}

	/** A guest account, without a web token. */
	private Account newGuest() {
		return newAccount("guest");
	}

	private Account newAccount(String role) {
		String email = "sftp-" + role + "-" + UUID.randomUUID() + "@ferry.test";
		String password = "password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", role), admin());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Account(UUID.fromString(created.json().get("id").asString()), email, password, null);
	}

	private String admin() {
		return api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
	}

	private static byte[] bytes(int size, int seed) {
		byte[] content = new byte[size];
		new Random(seed).nextBytes(content);
		return content;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
