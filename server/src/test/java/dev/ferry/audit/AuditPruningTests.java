package dev.ferry.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ferry.FerryProperties;
import dev.ferry.crypto.TestSecrets;
import dev.ferry.ops.DataDirectory;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of the audit trail on a fresh database of every vendor: pruning exports the
 * range, removes exactly the records the dry run named, and the rest verifies from the
 * signed checkpoint; a forged checkpoint or an erased person's records do not fool it.
 */
class AuditPruningTests {

	@TempDir
	Path dataDir;

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void pruningRemovesExactlyTheListedRangeAndTheRestVerifiesFromTheCheckpoint(Vendor vendor) throws Exception {
		try (Pruning trail = Pruning.open(vendor, dataDir)) {
			for (int i = 0; i < 12; i++) {
				trail.record(AuditEvent.success("file.read").object("file", "f-" + i));
			}
			AuditRetention.Range listed = trail
				.inTransaction(() -> trail.pruner.candidates(Instant.now().plusMillis(1)));
			assertThat(listed.fromSeq()).isEqualTo(1);
			assertThat(listed.throughSeq()).isEqualTo(12);

			AuditRetention.Range pruned = trail.inTransaction(() -> trail.pruner.prune(7));
			assertThat(pruned.count()).isEqualTo(7);
			assertThat(trail.seqs()).containsExactly(8L, 9L, 10L, 11L, 12L, 13L);
			assertThat(trail.action(13)).isEqualTo("audit.prune");
			List<String> archived = Files.readAllLines(dataDir.resolve("audit-archive").resolve(pruned.archive()));
			assertThat(archived).hasSize(7).allSatisfy((line) -> assertThat(line).contains("\"file.read\""));
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(6));

			trail.jdbc().sql("UPDATE audit_checkpoints SET through_hash = ?").param("0".repeat(64)).update();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.broken(null, 0, "checkpoint_invalid"));
		}
	}

	@Test
	void theArchiveGoesWhereTheSettingSays(@TempDir Path shared) throws Exception {
		Path archives = shared.resolve("ferry-audit");
		try (Pruning trail = Pruning.open(Vendor.SQLITE, dataDir, archives)) {
			trail.record(AuditEvent.success("file.read").object("file", "f-1"));

			AuditRetention.Range pruned = trail.inTransaction(() -> trail.pruner.prune(1));

			assertThat(Files.readAllLines(archives.resolve(pruned.archive()))).singleElement()
				.satisfies((line) -> assertThat(line).contains("\"file.read\""));
			assertThat(dataDir.resolve("audit-archive")).doesNotExist();
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void anErasedPersonsRecordsStillVerifyAndCanBePruned(Vendor vendor) {
		try (Pruning trail = Pruning.open(vendor, dataDir)) {
			AuditActor ann = new AuditActor("user", "u-ann", "ann@example.org");
			trail.record(AuditEvent.success("auth.login").by(ann));
			trail.record(
					AuditEvent.success("admin.user_update").object("user", "u-ann").detail("email", "ann@example.org"));
			trail.record(AuditEvent.failure("auth.login").detail("email", "ann@example.org"));
			trail.record(AuditEvent.success("file.read").object("file", "f-1"));

			String pseudonym = trail.inTransaction(() -> trail.erasure.pseudonymise("u-ann", "ann@example.org"));
			assertThat(trail.jdbc()
				.sql("SELECT COUNT(*) FROM audit_log WHERE actor_id = 'u-ann' OR object_id = 'u-ann'"
						+ " OR actor_label LIKE '%ann@%' OR details LIKE '%ann@%'")
				.query(Long.class)
				.single()).isZero();
			assertThat(trail.jdbc()
				.sql("SELECT COUNT(*) FROM audit_log WHERE actor_id = ? OR object_id = ?")
				.params(pseudonym, pseudonym)
				.query(Long.class)
				.single()).isEqualTo(2);
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(4));

			trail.jdbc().sql("UPDATE audit_log SET action = 'auth.logout' WHERE seq = 1").update();
			assertThat(trail.verifier.verify().reason()).as("the plain fields stay covered").isEqualTo("hash_mismatch");
			trail.jdbc().sql("UPDATE audit_log SET action = 'auth.login' WHERE seq = 1").update();

			trail.inTransaction(() -> trail.pruner.prune(2));
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(3));
			assertThat(
					trail.jdbc().sql("SELECT COUNT(*) FROM audit_redactions WHERE seq <= 2").query(Long.class).single())
				.isZero();
		}
	}

	/**
	 * A prune that commits while a verification walks (the hourly retention beside a
	 * compliance report) leaves a gap behind the new checkpoint, which is no broken
	 * chain.
	 */
	@ParameterizedTest
	@EnumSource(Vendor.class)
	void aPruneDuringAVerificationIsNoBrokenChain(Vendor vendor) {
		try (Pruning trail = Pruning.open(vendor, dataDir)) {
			for (int i = 0; i < 600; i++) {
				trail.record(AuditEvent.success("file.read").object("file", "f-" + i));
			}
			JdbcClient jdbc = trail.jdbc();
			AuditReader pruningAfterItsFirstPage = new AuditReader(jdbc, trail.db().dialect()) {

				private boolean pruned;

				@Override
				List<AuditRecord> oldestFirst(AuditFilter filter, long afterSeq, long untilSeq, int limit) {
					List<AuditRecord> page = super.oldestFirst(filter, afterSeq, untilSeq, limit);
					if (!pruned) {
						pruned = true;
						trail.inTransaction(() -> trail.pruner.prune(550));
					}
					return page;
				}

			};
			AuditRepository repository = new AuditRepository(jdbc);
			AuditChainVerifier verifier = new AuditChainVerifier(pruningAfterItsFirstPage, repository, trail.chain(),
					new AuditRedactions(jdbc, trail.db().dialect()), new AuditCheckpoints(jdbc));

			assertThat(verifier.verify()).as("records 551 to 600 and the prune's own")
				.isEqualTo(ChainVerification.intact(51));
		}
	}

	/**
	 * A record nobody signed in made that names the person (a password reset asked for
	 * the address) loses its address and browser with the name; an administrator's record
	 * that names them keeps the administrator's.
	 */
	@ParameterizedTest
	@EnumSource(Vendor.class)
	void anAnonymousRecordNamingThePersonLosesItsAddressButAnAdminsKeepsTheirs(Vendor vendor) {
		try (Pruning trail = Pruning.open(vendor, dataDir)) {
			AuditOrigin.during("203.0.113.7", "anns-browser", () -> {
				trail.record(AuditEvent.success("auth.password_reset_request").detail("email", "ann@example.org"));
				return null;
			});
			AuditOrigin.during("198.51.100.9", "admins-browser", () -> {
				trail.record(AuditEvent.success("admin.user_update")
					.by(new AuditActor("user", "u-admin", "admin@example.org"))
					.detail("email", "ann@example.org"));
				return null;
			});

			trail.inTransaction(() -> trail.erasure.pseudonymise("u-ann", "ann@example.org"));

			assertThat(trail.jdbc().sql("SELECT ip FROM audit_log ORDER BY seq").query(String.class).list())
				.containsExactly(null, "198.51.100.9");
			assertThat(trail.jdbc()
				.sql("SELECT COUNT(*) FROM audit_log WHERE user_agent = 'anns-browser'")
				.query(Long.class)
				.single()).isZero();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(2));
		}
	}

	/**
	 * An erasure records itself (taking the chain's lock) before it rewrites the trail,
	 * so it must see what was committed since its transaction first read: on MariaDB a
	 * plain read would answer from that first snapshot and leave the newer records as
	 * they are.
	 */
	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void anErasureRewritesRecordsCommittedSinceItsTransactionFirstRead(Vendor vendor) throws Exception {
		try (Pruning trail = Pruning.open(vendor, dataDir)) {
			AuditActor ann = new AuditActor("user", "u-ann", "ann@example.org");
			trail.record(AuditEvent.success("auth.login").by(ann));
			ExecutorService other = Executors.newSingleThreadExecutor();
			try {
				trail.inTransaction(() -> {
					assertThat(trail.seqs()).hasSize(1);
					await(other.submit(() -> trail.record(AuditEvent.success("file.read").by(ann))));
					trail.log.record(AuditEvent.success("account.erase").object("user", "u-ann"));
					return trail.erasure.pseudonymise("u-ann", "ann@example.org");
				});
			}
			finally {
				other.shutdownNow();
			}

			assertThat(trail.jdbc()
				.sql("SELECT COUNT(*) FROM audit_log WHERE actor_id = 'u-ann' OR object_id = 'u-ann'")
				.query(Long.class)
				.single()).isZero();
			assertThat(trail.verifier.verify()).isEqualTo(ChainVerification.intact(3));
		}
	}

	private static void await(Future<?> done) {
		try {
			done.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The audit module's classes, built by hand over one fresh database. */
	private record Pruning(Databases.Fresh db, JdbcAuditLog log, AuditChainVerifier verifier, AuditPruner pruner,
			AuditPseudonymiser erasure, AuditChain chain) implements AutoCloseable {

		static Pruning open(Vendor vendor, Path dataDir) {
			return open(vendor, dataDir, null);
		}

		/** {@code archiveDir}: {@code FERRY_AUDIT_ARCHIVE_DIR}, null when unset. */
		static Pruning open(Vendor vendor, Path dataDir, Path archiveDir) {
			Databases.Fresh db = Databases.migrated(vendor);
			JdbcClient jdbc = db.jdbc();
			JsonMapper json = JsonMapper.builder().build();
			AuditRepository repository = new AuditRepository(jdbc);
			AuditChain chain = new AuditChain(TestSecrets.over(jdbc, db.dialect()), repository);
			AuditReader reader = new AuditReader(jdbc, db.dialect());
			AuditRedactions redactions = new AuditRedactions(jdbc, db.dialect());
			AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc);
			AuditChainVerifier verifier = new AuditChainVerifier(reader, repository, chain, redactions, checkpoints);
			JdbcAuditLog log = new JdbcAuditLog(repository, chain, json, new SimpleMeterRegistry(), (event) -> {
			});
			FerryProperties properties = new FerryProperties(dataDir, null, null,
					new FerryProperties.Db(null, null, null), new FerryProperties.Admin(null, null),
					FerryProperties.Registration.INVITE,
					new FerryProperties.Tokens(Duration.ofMinutes(15), Duration.ofDays(30)));
			AuditPruner pruner = new AuditPruner(jdbc, verifier, new AuditExporter(reader, json), checkpoints, chain,
					log, new AuditArchive(new DataDirectory(properties), new AuditArchive.ArchiveSetting(archiveDir)));
			return new Pruning(db, log, verifier, pruner,
					new AuditPseudonymiser(reader, chain, redactions, repository, jdbc), chain);
		}

		JdbcClient jdbc() {
			return db.jdbc();
		}

		void record(AuditEvent event) {
			db.transactions().executeWithoutResult((status) -> log.record(event));
		}

		<T> T inTransaction(java.util.function.Supplier<T> work) {
			return db.transactions().execute((status) -> work.get());
		}

		List<Long> seqs() {
			return jdbc().sql("SELECT seq FROM audit_log ORDER BY seq").query(Long.class).list();
		}

		String action(long seq) {
			return jdbc().sql("SELECT action FROM audit_log WHERE seq = ?").param(seq).query(String.class).single();
		}

		@Override
		public void close() {
			db.close();
		}

	}

}
