package dev.ferry.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import dev.ferry.crypto.TestSecrets;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real audit writer, reader and verifier on a fresh database of every vendor: the
 * chain stays whole under concurrent writers, filters select the same rows everywhere,
 * and any edit made behind the application's back is found.
 */
class AuditRepositoryTests {

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void verifiesAnIntactChainAndFindsAnEditedRecord(Vendor vendor) {
		try (Trail trail = Trail.open(vendor)) {
			trail.append(10, "file.read");
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(10));

			trail.jdbc().sql("UPDATE audit_log SET details = '{\"forged\":true}' WHERE seq = 6").update();
			ChainVerification result = trail.verifier.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstInvalidId()).isEqualTo(trail.idAt(6));
			assertThat(result.reason()).isEqualTo("hash_mismatch");
			assertThat(result.checked()).isEqualTo(6);
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void findsADeletedRecordARewrittenLinkAndACutOffEnd(Vendor vendor) {
		try (Trail trail = Trail.open(vendor)) {
			trail.append(8, "file.read");
			trail.jdbc().sql("DELETE FROM audit_log WHERE seq = 4").update();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.broken(trail.idAt(5), 4, "missing_record"));
		}
		try (Trail trail = Trail.open(vendor)) {
			trail.append(8, "file.read");
			trail.jdbc()
				.sql("UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 1) WHERE seq = 3")
				.update();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.broken(trail.idAt(3), 3, "broken_link"));
		}
		try (Trail trail = Trail.open(vendor)) {
			trail.append(8, "file.read");
			trail.jdbc().sql("DELETE FROM audit_log WHERE seq = 8").update();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.broken(null, 7, "head_mismatch"));
		}
		try (Trail trail = Trail.open(vendor)) {
			trail.append(8, "file.read");
			// The end cut off and the head moved back to match: only the
			// signature tells.
			trail.jdbc().sql("DELETE FROM audit_log WHERE seq = 8").update();
			trail.jdbc()
				.sql("UPDATE audit_head SET seq = 7, hash = (SELECT hash FROM audit_log WHERE seq = 7)")
				.update();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.broken(null, 7, "head_mismatch"));
			trail.jdbc().sql("UPDATE audit_head SET signature = NULL").update();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.broken(null, 7, "head_mismatch"));
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void concurrentWritersAppendOneContiguousChain(Vendor vendor) throws Exception {
		try (Trail trail = Trail.open(vendor)) {
			int threads = 8;
			int each = 20;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<?>> writers = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					writers.add(pool.submit(() -> {
						start.await();
						trail.append(each, "auth.login");
						return null;
					}));
				}
				start.countDown();
				for (Future<?> writer : writers) {
					writer.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(threads * each));
			assertThat(trail.jdbc().sql("SELECT seq FROM audit_log ORDER BY seq").query(Long.class).list())
				.containsExactlyElementsOf(LongStream.rangeClosed(1, threads * each).boxed().toList());
		}
	}

	/**
	 * What an erasure and a data export read: the account's records, whatever the case
	 * its email was written in (an identity provider's {@code Ann.Smith@Contoso.com}).
	 */
	@ParameterizedTest
	@EnumSource(Vendor.class)
	void recordsMentioningAnAccountAreFoundWhateverTheCaseOfItsEmail(Vendor vendor) {
		try (Trail trail = Trail.open(vendor)) {
			trail.record(AuditEvent.failure("scim.request").detail("error", "Ann.Smith@Contoso.com is taken"));
			trail.record(AuditEvent.success("auth.login").detail("email", "ann.smith@contoso.com"));
			trail.record(AuditEvent.success("auth.login").detail("email", "bob@contoso.com"));

			assertThat(trail.reader.mentioning("u-ann", "ann.smith@contoso.com", 0, 10)).extracting(AuditRecord::action)
				.containsExactly("scim.request", "auth.login");
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void filtersSelectTheSameRecordsOnEveryVendor(Vendor vendor) {
		try (Trail trail = Trail.open(vendor)) {
			trail.record(AuditEvent.success("auth.login").by(new AuditActor("user", "u-1", "a@x")));
			trail.record(AuditEvent.failure("auth.token_rejected"));
			trail.record(AuditEvent.denied("authx.probe").object("file", "f-1"));
			trail.record(AuditEvent.success("a_b.c").object("file", "f-2"));
			trail.record(AuditEvent.success("axb.c").by(new AuditActor("user", "u-1", "a@x")));

			assertThat(trail.actions(filter("auth.", true, null, null, null))).containsExactly("auth.token_rejected",
					"auth.login");
			assertThat(trail.actions(filter("a_b.", true, null, null, null))).containsExactly("a_b.c");
			assertThat(trail.actions(filter("auth.login", false, null, null, null))).containsExactly("auth.login");
			assertThat(trail.actions(filter(null, false, "u-1", null, null))).containsExactly("axb.c", "auth.login");
			assertThat(trail.actions(filter(null, false, null, "denied", null))).containsExactly("authx.probe");
			assertThat(trail.actions(filter(null, false, null, null, "f-2"))).containsExactly("a_b.c");
			Instant future = Instant.now().plusSeconds(60);
			assertThat(trail.actions(new AuditFilter(future, null, null, null, false, null, null, null))).isEmpty();
			assertThat(trail.actions(new AuditFilter(null, future, null, null, false, null, "file", null)))
				.containsExactly("a_b.c", "authx.probe");
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void pagesAndExportSlicesFollowSeq(Vendor vendor) {
		try (Trail trail = Trail.open(vendor)) {
			trail.append(7, "file.read");
			assertThat(trail.reader.newestFirst(AuditFilter.NONE, Long.MAX_VALUE, 3)).extracting(AuditRecord::seq)
				.containsExactly(7L, 6L, 5L);
			assertThat(trail.reader.newestFirst(AuditFilter.NONE, 5, 3)).extracting(AuditRecord::seq)
				.containsExactly(4L, 3L, 2L);
			assertThat(trail.reader.oldestFirst(AuditFilter.NONE, 2, 5, 10)).extracting(AuditRecord::seq)
				.containsExactly(3L, 4L, 5L);
			assertThat(trail.reader.lastSeq()).isEqualTo(7);
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void aRolledBackRecordIsNeitherStoredNorCounted(Vendor vendor) {
		try (Trail trail = Trail.open(vendor)) {
			trail.db.transactions().executeWithoutResult((status) -> {
				trail.log.record(AuditEvent.success("file.delete"));
				status.setRollbackOnly();
			});
			trail.record(AuditEvent.success("file.read"));
			assertThat(trail.meters.counter(JdbcAuditLog.METRIC, "action", "file.delete", "outcome", "success").count())
				.isZero();
			assertThat(trail.meters.counter(JdbcAuditLog.METRIC, "action", "file.read", "outcome", "success").count())
				.isEqualTo(1);
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(1));
		}
	}

	private static AuditFilter filter(String action, boolean prefix, String actor, String outcome, String object) {
		return new AuditFilter(null, null, actor, action, prefix, object, null, outcome);
	}

	/** The audit module's classes, built by hand over one fresh database. */
	private record Trail(Databases.Fresh db, JdbcAuditLog log, AuditReader reader, AuditChainVerifier verifier,
			SimpleMeterRegistry meters) implements AutoCloseable {

		static Trail open(Vendor vendor) {
			Databases.Fresh db = Databases.migrated(vendor);
			JdbcClient jdbc = db.jdbc();
			AuditRepository repository = new AuditRepository(jdbc);
			AuditChain chain = new AuditChain(TestSecrets.over(jdbc, db.dialect()), repository);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			AuditReader reader = new AuditReader(jdbc, db.dialect());
			return new Trail(db, new JdbcAuditLog(repository, chain, JsonMapper.builder().build(), meters, (event) -> {
			}), reader, new AuditChainVerifier(reader, repository, chain, new AuditRedactions(jdbc, db.dialect()),
					new AuditCheckpoints(jdbc)), meters);
		}

		JdbcClient jdbc() {
			return db.jdbc();
		}

		void record(AuditEvent event) {
			db.transactions().executeWithoutResult((status) -> log.record(event));
		}

		void append(int count, String action) {
			for (int i = 0; i < count; i++) {
				record(AuditEvent.success(action).object("file", "f-" + i).detail("n", i));
			}
		}

		String idAt(long seq) {
			return jdbc().sql("SELECT id FROM audit_log WHERE seq = ?").param(seq).query(String.class).single();
		}

		List<String> actions(AuditFilter filter) {
			return reader.newestFirst(filter, Long.MAX_VALUE, 100).stream().map(AuditRecord::action).toList();
		}

		@Override
		public void close() {
			db.close();
		}

	}

}
