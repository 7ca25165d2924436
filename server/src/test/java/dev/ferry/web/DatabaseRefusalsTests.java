package dev.ferry.web;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A request whose transaction waited too long on a row another holds is rolled back by
 * the database; the client gets 409 "try again", not a 500. The failures are the real
 * databases' own.
 */
class DatabaseRefusalsTests {

	@ParameterizedTest
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void aLockTimeoutIsAConflictToRetry(Vendor vendor) throws Exception {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			UUID user = TestAccounts.insertUser(db.jdbc());
			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			ExecutorService holder = Executors.newSingleThreadExecutor();
			try {
				holder.submit(() -> db.transactions().executeWithoutResult((status) -> {
					db.jdbc().sql("UPDATE users SET role = role WHERE id = ?").param(user.toString()).update();
					held.countDown();
					try {
						release.await(60, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}));
				assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

				Throwable waited = catchThrowable(() -> db.transactions().executeWithoutResult((status) -> {
					db.jdbc()
						.sql((vendor == Vendor.MARIADB) ? "SET SESSION innodb_lock_wait_timeout = 1"
								: "SET LOCAL lock_timeout = '1s'")
						.update();
					db.jdbc().sql("UPDATE users SET role = role WHERE id = ?").param(user.toString()).update();
				}));

				ProblemDetail problem = DatabaseRefusals.problem(waited);
				assertThat(problem).as(String.valueOf(waited)).isNotNull();
				assertThat(problem.getStatus()).isEqualTo(409);
				assertThat(problem.getDetail()).contains("Try again");
			}
			finally {
				release.countDown();
				holder.shutdownNow();
			}
		}
	}

}
