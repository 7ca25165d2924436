package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.ServerSecrets;
import dev.ferry.storage.PendingPart;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three {@code FERRY_DEDUP} modes on the real storage classes: {@code account} keeps
 * two accounts' identical content apart, {@code global} shares it (and still shreds with
 * the last reference), {@code off} names nothing; the key is never the plain digest.
 */
class BlobDedupTests {

	private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	@Test
	void accountModeKeepsAccountsApartAndNeverStoresThePlainDigest() throws Exception {
		try (StorageFixture fixture = new StorageFixture()) {
			ServerSecrets secrets = secrets(fixture);
			BlobDedup dedup = dedup(fixture, secrets, "account");
			UUID one = UUID.randomUUID();
			String key = dedup.contentKey(one, SHA256).orElseThrow();
			assertThat(key).hasSize(64).isNotEqualTo(SHA256);
			assertThat(dedup.contentKey(one, SHA256)).contains(key);
			assertThat(dedup.contentKey(UUID.randomUUID(), SHA256)).isNotEmpty().isNotEqualTo(Optional.of(key));
			assertThat(dedup(fixture, secrets, "off").contentKey(one, SHA256)).isEmpty();
		}
	}

	@Test
	void globalModeSharesAcrossAccountsUntilTheLastReference() throws Exception {
		try (StorageFixture fixture = new StorageFixture()) {
			BlobDedup dedup = dedup(fixture, secrets(fixture), "global");
			String key = dedup.contentKey(UUID.randomUUID(), SHA256).orElseThrow();
			assertThat(dedup.contentKey(UUID.randomUUID(), SHA256)).contains(key);
			UUID first = blob(fixture);
			UUID second = blob(fixture);
			assertThat(dedup.deduplicate(first, key)).isEqualTo(first);
			assertThat(dedup.deduplicate(second, key)).isEqualTo(first);
			assertThat(fixture.blobs.find(second)).as("the arrival's own blob is destroyed").isEmpty();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(fixture.blobs.exists(second))
					.as("and its objects and row are purged behind the caller's back")
					.isFalse());

			fixture.storage.destroy(first);
			try (InputStream in = fixture.storage.openRange(first, 0, 5)) {
				assertThat(in.readAllBytes()).hasSize(5);
			}
			fixture.storage.destroy(first);
			assertThat(fixture.blobs.exists(first)).isFalse();
			UUID third = blob(fixture);
			assertThat(dedup.deduplicate(third, key)).as("a shredded holder is replaced").isEqualTo(third);
		}
	}

	/**
	 * The arrival's blob goes with the transaction that refers to the holder: a crash
	 * right after its commit must not leave a live, unreferenced copy behind, and a
	 * rollback must leave the arrival whole.
	 */
	@Test
	void theDuplicateIsShreddedWithTheTransactionAndARollbackKeepsIt() throws Exception {
		try (StorageFixture fixture = new StorageFixture()) {
			BlobDedup dedup = dedup(fixture, secrets(fixture), "account");
			String key = dedup.contentKey(UUID.randomUUID(), SHA256).orElseThrow();
			UUID holder = blob(fixture);
			assertThat(dedup.deduplicate(holder, key)).isEqualTo(holder);
			TransactionTemplate transactions = new TransactionTemplate(
					new DataSourceTransactionManager(fixture.db.dataSource()));

			UUID kept = blob(fixture);
			transactions.executeWithoutResult((status) -> {
				assertThat(dedup.deduplicate(kept, key)).isEqualTo(holder);
				status.setRollbackOnly();
			});
			assertThat(fixture.blobs.find(kept)).as("a rollback keeps the arrival").isPresent();
			try (InputStream in = fixture.storage.openRange(kept, 0, 5)) {
				assertThat(in.readAllBytes()).containsExactly(1, 2, 3, 4, 5);
			}

			UUID duplicate = blob(fixture);
			transactions.executeWithoutResult((status) -> {
				assertThat(dedup.deduplicate(duplicate, key)).isEqualTo(holder);
				assertThat(fixture.blobs.find(duplicate)).as("shredded before the commit").isEmpty();
			});
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(fixture.blobs.exists(duplicate))
					.as("its objects and row purged after the commit")
					.isFalse());
		}
	}

	private static UUID blob(StorageFixture fixture) throws IOException {
		UUID blob = fixture.storage.create();
		try (PendingPart part = fixture.storage.beginPart(blob, 0)) {
			part.stream().write(new byte[] { 1, 2, 3, 4, 5 });
			part.commit();
		}
		return blob;
	}

	/** Server secrets register their sealed column with the KEK, once per fixture. */
	private static ServerSecrets secrets(StorageFixture fixture) throws ReflectiveOperationException {
		Constructor<ServerSecrets> constructor = ServerSecrets.class.getDeclaredConstructor(JdbcClient.class,
				KeyEncryptionKey.class, SqlDialect.class);
		constructor.setAccessible(true);
		return constructor.newInstance(fixture.db.jdbc(), fixture.kek, fixture.db.dialect());
	}

	private static BlobDedup dedup(StorageFixture fixture, ServerSecrets secrets, String mode) {
		return new BlobDedup(mode, secrets, new DedupRepository(fixture.db.jdbc(), fixture.db.dialect()), fixture.blobs,
				fixture.storage);
	}

}
