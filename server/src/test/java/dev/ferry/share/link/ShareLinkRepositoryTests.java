package dev.ferry.share.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ferry.protect.AccessRules;
import dev.ferry.share.ShareProperties;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferRepository;
import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The share link, session and code tables' SQL, run on every supported database. */
class ShareLinkRepositoryTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	private final ShareProperties properties = new ShareProperties(30, Duration.ofHours(1), 5, Duration.ofMinutes(15),
			Duration.ofMinutes(10), 5, Duration.ofMinutes(1), 100, 20, 10000, false);

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void downloadCountingNeverPassesTheLimit(Databases.Vendor vendor) throws Exception {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			TransferRepository transfers = new TransferRepository(db.jdbc());
			ShareLinkRepository links = new ShareLinkRepository(db.jdbc(), db.dialect());
			Transfer transfer = transfer(TestAccounts.insertUser(db.jdbc()), NOW.plus(1, ChronoUnit.DAYS), NOW);
			transfers.insert(transfer, List.of(UUID.randomUUID()), Map.of(), List.of());
			ShareLink link = new ShareLink(UUID.randomUUID(), transfer.id(), NOW, NOW.plus(1, ChronoUnit.DAYS), 3, 0,
					null, false, false, null, AccessRules.NONE, false);
			links.insert(link, "hash-" + UUID.randomUUID());
			ExecutorService pool = Executors.newFixedThreadPool(8);
			try {
				List<Future<Boolean>> results = new ArrayList<>();
				for (int i = 0; i < 16; i++) {
					Callable<Boolean> count = () -> db.transactions()
						.execute((status) -> links.countDownload(link.id()));
					results.add(pool.submit(count));
				}
				int counted = 0;
				for (Future<Boolean> result : results) {
					counted += result.get() ? 1 : 0;
				}
				assertThat(counted).isEqualTo(3);
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(links.find(link.id()).orElseThrow().isExhausted()).isTrue();
			UUID session = UUID.randomUUID();
			String file = UUID.randomUUID().toString();
			assertThat(links.resume(session, file, 0, 100)).as("nothing counted to resume").isFalse();
			links.claim(session, file, 100, NOW);
			assertThat(links.resume(session, file, 50, 200)).as("below the high-water mark").isFalse();
			assertThat(links.resume(session, file, 100, 200)).isTrue();
			assertThat(links.resume(session, file, 100, 200)).as("taken by the first resume").isFalse();
			links.giveBack(session, file, 200, 150);
			assertThat(links.resume(session, file, 150, 200)).as("what was not sent").isTrue();
			links.claim(session, file, 80, NOW);
			assertThat(links.resume(session, file, 80, 200)).as("a new counted download").isTrue();
			assertThat(links.revoke(link.id(), NOW)).isTrue();
			assertThat(links.revoke(link.id(), NOW)).isFalse();
		}
	}

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void sessionsAndCodesExpire(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
			ShareSessions sessions = new ShareSessions(db.jdbc(), properties, clock);
			EmailCodes codes = codes(db, clock);
			UUID link = UUID.randomUUID();

			ShareSessions.Issued issued = sessions.issue("link", link, "v@example.test");
			assertThat(sessions.find(issued.token(), "link", link)).isPresent();
			assertThat(sessions.find(issued.token(), "request", link)).isEmpty();
			assertThat(db.jdbc()
				.sql("SELECT COUNT(*) FROM share_sessions WHERE token_hash = ?")
				.param(issued.token())
				.query(Long.class)
				.single()).isZero();
			assertThat(sessions.deleteExpired(NOW.plus(2, ChronoUnit.HOURS))).isEqualTo(1);

			String code = codes.issue("link", link, "v@example.test");
			assertThat(codes.confirm("link", link, "v@example.test", "abcdef")).isFalse();
			assertThat(codes.confirm("link", link, "v@example.test", code)).isTrue();
			assertThat(codes.confirm("link", link, "v@example.test", code)).isFalse();
			codes.issue("link", link, "w@example.test");
			assertThat(codes.deleteExpired(NOW.plus(11, ChronoUnit.MINUTES))).isEqualTo(1);
		}
	}

	/**
	 * Requests at once, as a script would send them: codes issued together never collide
	 * (one stays), parallel wrong guesses use up the allowed attempts and no more, and
	 * the right code lets one of several requests in.
	 */
	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void codesHoldUnderRequestsAtOnce(Databases.Vendor vendor) throws Exception {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			EmailCodes codes = codes(db, Clock.fixed(NOW, ZoneOffset.UTC));
			UUID link = UUID.randomUUID();
			String email = "race@example.test";

			List<String> issued = atOnce(8, () -> codes.issue("link", link, email));
			assertThat(issued).hasSize(8);
			assertThat(db.jdbc()
				.sql("SELECT COUNT(*) FROM email_codes WHERE subject_id = ?")
				.param(link.toString())
				.query(Long.class)
				.single()).isEqualTo(1);

			String idBefore = db.jdbc()
				.sql("SELECT id FROM email_codes WHERE subject_id = ?")
				.param(link.toString())
				.query(String.class)
				.single();
			String code = codes.issue("link", link, email);
			assertThat(db.jdbc()
				.sql("SELECT id FROM email_codes WHERE subject_id = ?")
				.param(link.toString())
				.query(String.class)
				.single()).as("a guess at the old code cannot touch the new one").isNotEqualTo(idBefore);
			String wrong = code.equals("000000") ? "000001" : "000000";
			assertThat(atOnce(16, () -> codes.confirm("link", link, email, wrong))).containsOnly(false);
			assertThat(codes.confirm("link", link, email, code)).as("no attempt left after five wrong").isFalse();

			String fresh = codes.issue("link", link, email);
			assertThat(atOnce(8, () -> codes.confirm("link", link, email, fresh))).containsOnlyOnce(true);
		}
	}

	/**
	 * Every answer costs one code comparison, code or none: an address without a code
	 * (not a recipient) answered at once, a recipient's after an Argon2 hash.
	 */
	@Test
	void everyConfirmationComparesOnceWhetherACodeExistsOrNot() {
		try (Databases.Fresh db = Databases.migrated(Databases.Vendor.SQLITE)) {
			AtomicInteger comparisons = new AtomicInteger();
			PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
			PasswordEncoder counting = new PasswordEncoder() {
				@Override
				public String encode(CharSequence raw) {
					return argon2.encode(raw);
				}

				@Override
				public boolean matches(CharSequence raw, String encoded) {
					comparisons.incrementAndGet();
					return argon2.matches(raw, encoded);
				}
			};
			EmailCodes codes = new EmailCodes(db.jdbc(), db.dialect(), counting, properties,
					Clock.fixed(NOW, ZoneOffset.UTC));
			UUID link = UUID.randomUUID();
			assertThat(codes.confirm("link", link, "nobody@example.test", "123456")).isFalse();
			assertThat(comparisons).as("no code for the address").hasValue(1);
			assertThat(codes.mismatch("123456")).isFalse();
			assertThat(comparisons).as("not a recipient").hasValue(2);
			String code = codes.issue("link", link, "someone@example.test");
			assertThat(codes.confirm("link", link, "someone@example.test", code)).isTrue();
			assertThat(comparisons).as("a recipient's code").hasValue(3);
		}
	}

	private EmailCodes codes(Databases.Fresh db, Clock clock) {
		return new EmailCodes(db.jdbc(), db.dialect(), Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
				properties, clock);
	}

	/** A deleted link takes its preview setting with it (MariaDB ignored V94's key). */
	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void aDeletedLinkTakesItsPreviewSettingWithIt(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			Transfer transfer = transfer(TestAccounts.insertUser(db.jdbc()), NOW.plus(1, ChronoUnit.DAYS), NOW);
			new TransferRepository(db.jdbc()).insert(transfer, List.of(UUID.randomUUID()), Map.of(), List.of());
			ShareLink link = new ShareLink(UUID.randomUUID(), transfer.id(), NOW, NOW.plus(1, ChronoUnit.DAYS), null, 0,
					null, false, false, null, AccessRules.NONE, false);
			new ShareLinkRepository(db.jdbc(), db.dialect()).insert(link, "hash-" + UUID.randomUUID());
			LinkPreviews previews = new LinkPreviews(db.jdbc(), db.dialect());
			previews.set(link.id(), true);
			previews.set(link.id(), true);
			assertThat(previews.shown(link.id())).isTrue();

			db.jdbc().sql("DELETE FROM share_links WHERE id = ?").param(link.id().toString()).update();

			assertThat(db.jdbc().sql("SELECT COUNT(*) FROM share_link_previews").query(Long.class).single()).isZero();
		}
	}

	private static <T> List<T> atOnce(int requests, Callable<T> request) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				futures.add(pool.submit(request));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Transfer transfer(UUID owner, Instant expires, Instant created) {
		return new Transfer(UUID.randomUUID(), owner, "T", null, Transfer.Status.ACTIVE, expires, false, true, true,
				created, created, null, null, null);
	}

}
