package dev.ferry.storage.internal;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import dev.ferry.crypto.CryptoException;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedValues;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRotationIntegrationTests extends IntegrationTest {

	@Autowired
	BlobStorage storage;

	@Autowired
	BlobRepository blobs;

	@Autowired
	DataKeys keys;

	@Autowired
	KeyEncryptionKey kek;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void rotationRewrapsEveryDataKeyUnderTheNewPrimaryAndBlobsStillRead() throws Exception {
		Map<UUID, byte[]> contents = new LinkedHashMap<>();
		for (int i = 0; i < 3; i++) {
			byte[] content = EncryptedBlobStorageIntegrationTests.random(70_000 + i, 20 + i);
			UUID blob = storage.create();
			try (PendingPart part = storage.beginPart(blob, 0)) {
				part.stream().write(content);
				part.commit();
			}
			contents.put(blob, content);
		}
		Map<UUID, byte[]> wrappedBefore = wrappedKeys(contents.keySet());

		Api.Response response = api.post("/api/v1/admin/keys/rotate", "", adminToken());

		assertThat(response.status()).isEqualTo(200);
		long newPrimary = response.json().get("kek_key_id").asLong();
		assertThat(newPrimary).isEqualTo(Integer.toUnsignedLong(kek.primaryKeyId()));
		assertThat(response.json().get("rewrapped").asLong()).isGreaterThanOrEqualTo(contents.size());
		Map<UUID, byte[]> wrappedAfter = wrappedKeys(contents.keySet());
		Path copy = primaryOnlyCopy();
		SealedColumn onlyNewKey = new KeyEncryptionKey(StorageFixture.properties(copy.getParent(), copy.toString()))
			.register("blobs.wrapped_key", () -> new SealedValues.Resealed(0, 0));
		for (UUID blob : contents.keySet()) {
			assertThat(wrappedAfter.get(blob)).isNotEqualTo(wrappedBefore.get(blob));
			assertThat(Integer.toUnsignedLong(kek.keyIdOf(wrappedAfter.get(blob)))).isEqualTo(newPrimary);
			assertThat(onlyNewKey.open(wrappedAfter.get(blob), "blob:" + blob)).isNotEmpty();
			assertThatThrownBy(() -> onlyNewKey.open(wrappedBefore.get(blob), "blob:" + blob))
				.isInstanceOf(CryptoException.class);
			keys.forget(blob);
			try (InputStream in = storage.openRange(blob, 0, contents.get(blob).length)) {
				assertThat(in.readAllBytes()).isEqualTo(contents.get(blob));
			}
		}
		List<byte[]> secrets = jdbc.sql("SELECT sealed FROM server_secrets").query(byte[].class).list();
		assertThat(secrets).isNotEmpty()
			.allSatisfy((sealed) -> assertThat(kek.keyIdOf(sealed)).isEqualTo(kek.primaryKeyId()));
		assertThat(auditCount("keys.rotate", "success")).isPositive();
	}

	@Test
	void everySealedColumnOfTheSchemaIsRegisteredForRotation() {
		List<String> sealedColumns = jdbc.sql("""
				SELECT m.name || '.' || c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
				WHERE m.type = 'table' AND (c.name LIKE '%sealed%' OR c.name LIKE 'wrapped%')""")
			.query(String.class)
			.list();

		assertThat(sealedColumns).contains("totp_credentials.sealed_secret", "sso_sessions.sealed_id_token",
				"oidc_logins.sealed_secrets", "mail_outbox.sealed_body", "blobs.wrapped_key", "server_secrets.sealed");
		assertThat(kek.registered()).containsExactlyInAnyOrderElementsOf(sealedColumns);
	}

	@Test
	void rotationLeavesNoRegisteredValueUnderAnOlderKey() {
		String token = api.login(newUser(), "user-password-123");
		assertThat(api.post("/api/v1/auth/2fa/enable", Map.of(), token).status()).isEqualTo(200);

		Api.Response response = api.post("/api/v1/admin/keys/rotate", "", adminToken());

		assertThat(response.status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM totp_credentials").query(Long.class).single()).isPositive();
		for (String registered : kek.registered()) {
			String table = registered.substring(0, registered.indexOf('.'));
			String column = registered.substring(registered.indexOf('.') + 1);
			List<byte[]> values = jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
				.query(byte[].class)
				.list();
			assertThat(values).as(registered)
				.allSatisfy((sealed) -> assertThat(kek.keyIdOf(sealed)).isEqualTo(kek.primaryKeyId()));
		}
	}

	/**
	 * A value that does not open (damaged, or sealed by a key already removed) is counted
	 * and left; every other value still moves to the new key.
	 */
	@Test
	void aValueThatDoesNotOpenIsCountedAndTheRestIsStillResealed() {
		String token = api.login(newUser(), "user-password-123");
		assertThat(api.post("/api/v1/auth/2fa/enable", Map.of(), token).status()).isEqualTo(200);
		UUID broken = UUID.randomUUID();
		byte[] garbage = EncryptedBlobStorageIntegrationTests.random(60, 41);
		garbage[0] = 0x01;
		blobs.insert(broken, new DataKeys.WrappedKey(garbage, kek.primaryKeyId()), System.currentTimeMillis(), false);
		try {
			Api.Response response = api.post("/api/v1/admin/keys/rotate", "", adminToken());

			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.json().get("unreadable").asLong()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT sealed_secret FROM totp_credentials").query(byte[].class).list()).isNotEmpty()
				.allSatisfy((sealed) -> assertThat(kek.keyIdOf(sealed)).isEqualTo(kek.primaryKeyId()));
		}
		finally {
			jdbc.sql("DELETE FROM blobs WHERE id = ?").param(broken.toString()).update();
		}
	}

	@Test
	void onlyAdministratorsMayRotate() {
		int primary = kek.primaryKeyId();
		String email = newUser();
		long deniedBefore = auditCount("keys.rotate", "denied");

		Api.Response response = api.post("/api/v1/admin/keys/rotate", "", api.login(email, "user-password-123"));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(kek.primaryKeyId()).isEqualTo(primary);
		assertThat(auditCount("keys.rotate", "denied")).isEqualTo(deniedBefore + 1);
		assertThat(api.post("/api/v1/admin/keys/rotate", "", null).status()).isEqualTo(401);
	}

	private String newUser() {
		String email = "rotate-" + UUID.randomUUID() + "@ferry.test";
		TestAccounts.row().email(email).passwordHash(passwords.encode("user-password-123")).insert(jdbc);
		return email;
	}

	private Map<UUID, byte[]> wrappedKeys(Iterable<UUID> ids) {
		Map<UUID, byte[]> wrapped = new LinkedHashMap<>();
		ids.forEach((id) -> wrapped.put(id, blobs.find(id).orElseThrow().wrappedKey()));
		return wrapped;
	}

	/** A copy of the KEK keyset that holds only the primary key: old keys deleted. */
	private static Path primaryOnlyCopy() throws Exception {
		KeysetHandle full = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(DATA_DIR.resolve("keys/kek.json")),
				InsecureSecretKeyAccess.get());
		KeysetHandle.Builder builder = KeysetHandle.newBuilder(full);
		for (int i = builder.size() - 1; i >= 0; i--) {
			if (!builder.getAt(i).isPrimary()) {
				builder.deleteAt(i);
			}
		}
		KeysetHandle primaryOnly = builder.build();
		assertThat(primaryOnly.size()).isEqualTo(1);
		Path copy = Files.createTempDirectory("ferry-kek-copy-").resolve("kek.json");
		Files.writeString(copy, TinkJsonProtoKeysetFormat.serializeKeyset(primaryOnly, InsecureSecretKeyAccess.get()));
		return copy;
	}

	private long auditCount(String action, String outcome) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND outcome = ?")
			.params(action, outcome)
			.query(Long.class)
			.single();
	}

}
