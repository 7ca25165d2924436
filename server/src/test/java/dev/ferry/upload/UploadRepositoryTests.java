package dev.ferry.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The uploads SQL on every supported database, against the real migrations. */
class UploadRepositoryTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void storesAndReadsBackAnUpload(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			UploadRepository repository = new UploadRepository(db.jdbc(), JsonMapper.builder().build());
			Upload upload = upload(TestAccounts.insertUser(db.jdbc()), null);
			repository.insert(upload);
			assertThat(repository.find(upload.id())).contains(upload);
			assertThat(repository.find(UUID.randomUUID())).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void offsetLengthAndStatusChangeOnlyFromWhatTheCallerSaw(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			UploadRepository repository = new UploadRepository(db.jdbc(), JsonMapper.builder().build());
			Upload upload = upload(TestAccounts.insertUser(db.jdbc()), null);
			repository.insert(upload);
			Instant later = NOW.plus(Duration.ofHours(2));
			assertThat(repository.advance(upload.id(), 0, 100, later, NOW)).isTrue();
			assertThat(repository.advance(upload.id(), 0, 200, later, NOW)).isFalse();
			assertThat(repository.declareLength(upload.id(), 300, NOW)).isTrue();
			assertThat(repository.declareLength(upload.id(), 400, NOW)).isFalse();
			assertThat(repository.complete(upload.id(), "ab", NOW)).isFalse();
			assertThat(repository.advance(upload.id(), 100, 300, later, NOW)).isTrue();
			assertThat(repository.complete(upload.id(), "ab", NOW)).isTrue();
			assertThat(repository.complete(upload.id(), "ab", NOW)).isFalse();
			Upload stored = repository.find(upload.id()).orElseThrow();
			assertThat(stored.status()).isEqualTo(Upload.Status.COMPLETED);
			assertThat(stored.length()).isEqualTo(300);
			assertThat(stored.offset()).isEqualTo(300);
			assertThat(stored.sha256()).isEqualTo("ab");
			assertThat(stored.completedAt()).isEqualTo(NOW);
			assertThat(stored.expiresAt()).isEqualTo(later);
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void countsTheReceivedBytesOfOtherLiveDeferredUploads(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			UploadRepository repository = new UploadRepository(db.jdbc(), JsonMapper.builder().build());
			UUID owner = TestAccounts.insertUser(db.jdbc());
			Upload declared = upload(owner, 1000L);
			Upload deferred = upload(owner, null);
			repository.insert(declared);
			repository.insert(deferred);
			repository.advance(deferred.id(), 0, 70, NOW.plus(Duration.ofHours(1)), NOW);
			assertThat(repository.reservedBytes(owner, null, NOW)).as("a declared length is a quota reservation")
				.isEqualTo(70);
			assertThat(repository.reservedBytes(owner, deferred.id(), NOW)).isZero();
			assertThat(repository.reservedBytes(owner, null, NOW.plus(Duration.ofDays(2)))).isZero();
			assertThat(repository.reservedBytes(UUID.randomUUID(), null, NOW)).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void expiresDeletesAndPurges(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			UploadRepository repository = new UploadRepository(db.jdbc(), JsonMapper.builder().build());
			UUID owner = TestAccounts.insertUser(db.jdbc());
			Upload stale = upload(owner, 10L);
			Upload finished = upload(owner, 0L);
			repository.insert(stale);
			repository.insert(finished);
			repository.complete(finished.id(), "e3", NOW);
			Instant dayLater = NOW.plus(Duration.ofDays(1));

			assertThat(repository.activeExpiredBy(NOW, 10)).isEmpty();
			assertThat(repository.activeExpiredBy(dayLater, 10)).extracting(Upload::id).containsExactly(stale.id());
			assertThat(repository.expire(stale.id(), dayLater)).isTrue();
			assertThat(repository.expire(stale.id(), dayLater)).isFalse();
			assertThat(repository.withStatus(Upload.Status.EXPIRED, 10)).extracting(Upload::id)
				.containsExactly(stale.id());
			assertThat(repository.delete(stale.id(), Upload.Status.ACTIVE)).isFalse();
			assertThat(repository.delete(stale.id(), Upload.Status.EXPIRED)).isTrue();

			assertThat(repository.purgeCompletedBefore(NOW)).isZero();
			assertThat(repository.purgeCompletedBefore(dayLater)).isEqualTo(1);
			assertThat(repository.find(finished.id())).isEmpty();
		}
	}

	private static Upload upload(UUID owner, Long length) {
		return new Upload(UUID.randomUUID(), owner, UUID.randomUUID(), length, 0,
				new UploadMetadata(Map.of("filename", "ä.txt", "flag", "")), new Placement("/docs", "ä.txt"),
				"text/plain", null, Upload.Status.ACTIVE, NOW, NOW.plus(Duration.ofHours(1)), null, null);
	}

}
