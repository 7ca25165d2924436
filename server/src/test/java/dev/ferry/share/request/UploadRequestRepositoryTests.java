package dev.ferry.share.request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.ferry.protect.AccessRules;
import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload request tables' SQL, run on every supported database. */
class UploadRequestRepositoryTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void uploadRequestsReserveWithinTheirLimits(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			UploadRequestRepository requests = new UploadRequestRepository(db.jdbc());
			UploadRequest request = new UploadRequest(UUID.randomUUID(), TestAccounts.insertUser(db.jdbc()), "Inbox",
					null, null, List.of("a@example.test", "b@example.test"), List.of(".pdf"), 2, 100, 0, 0,
					NOW.plus(1, ChronoUnit.DAYS), NOW, null, AccessRules.NONE, true);
			requests.insert(request, "hash-" + UUID.randomUUID());

			assertThat(requests.reserve(request.id(), 60)).isTrue();
			assertThat(requests.reserve(request.id(), 41)).isFalse();
			assertThat(requests.reserve(request.id(), 40)).isTrue();
			assertThat(requests.reserve(request.id(), 0)).isFalse();
			UUID upload = UUID.randomUUID();
			requests.addUpload(upload, request.id(), "a.pdf", 60, "a@example.test", NOW);
			assertThat(requests.requestOf(upload)).contains(request.id());
			assertThat(requests.markCompleted(upload, NOW)).isTrue();
			assertThat(requests.markCompleted(upload, NOW)).isFalse();
			UploadRequest stored = requests.find(request.id()).orElseThrow();
			assertThat(stored.allowedEmails()).containsExactly("a@example.test", "b@example.test");
			assertThat(stored.filesReserved()).isEqualTo(2);
			assertThat(stored.captcha()).isTrue();
			requests.updateCaptcha(request.id(), false);
			assertThat(requests.find(request.id()).orElseThrow().captcha()).isFalse();
			assertThat(requests.arrivals(request.id())).singleElement()
				.satisfies((a) -> assertThat(a.completedAt()).isEqualTo(NOW));
		}
	}

}
