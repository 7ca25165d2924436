package dev.ferry.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Databases.Vendor;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two transactions that do the same work and overlap the way two requests at once would:
 * the first has done its work but not committed when the second starts, and commits only
 * once the second waits on a lock the first holds (PostgreSQL and MariaDB; SQLite's
 * second transaction waits for the write lock before it reads, so it has nothing to
 * overlap). For the races of find-or-create code, set up on a real database instead of
 * hoped for.
 */
public final class OverlappingTransactions {

	private OverlappingTransactions() {
	}

	/**
	 * The database's transaction manager, for the code under test and for {@link #run}.
	 */
	public static PlatformTransactionManager manager(Databases.Fresh database) {
		return new DataSourceTransactionManager(database.dataSource());
	}

	/**
	 * Runs {@code work} in two overlapping transactions; answers the first's result and
	 * what the second did: its result, or the exception it ended with.
	 */
	public static <T> Outcome<T> run(Databases.Fresh database, PlatformTransactionManager manager, Callable<T> work)
			throws Exception {
		return run(database, manager, work, work);
	}

	/**
	 * {@link #run} with different work for each: for two operations that must not
	 * interleave, such as one that adds a use of a row and one that removes the row
	 * unless it is used.
	 */
	public static <T> Outcome<T> run(Databases.Fresh database, PlatformTransactionManager manager, Callable<T> first,
			Callable<T> second) throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(manager);
		CountDownLatch done = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<T> firstDone = threads.submit(() -> transaction.execute((status) -> {
				T result = call(first);
				done.countDown();
				awaitQuietly(commit);
				return result;
			}));
			assertThat(done.await(30, TimeUnit.SECONDS)).as("the first transaction did its work").isTrue();
			Future<T> secondDone = threads.submit(() -> transaction.execute((status) -> call(second)));
			if (database.vendor() != Vendor.SQLITE) {
				await().atMost(Duration.ofSeconds(30)).until(() -> waitsOnALock(database));
			}
			commit.countDown();
			T firstResult = firstDone.get(30, TimeUnit.SECONDS);
			try {
				return new Outcome<>(firstResult, secondDone.get(30, TimeUnit.SECONDS), null);
			}
			catch (ExecutionException ex) {
				return new Outcome<>(firstResult, null, ex.getCause());
			}
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
	}

	/**
	 * The first transaction's result and the second's, or the exception it ended with.
	 */
	public record Outcome<T>(T first, T second, Throwable secondFailure) {
	}

	private static <T> T call(Callable<T> work) {
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean waitsOnALock(Databases.Fresh database) {
		String sql = (database.vendor() == Vendor.POSTGRESQL)
				? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
				: "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'";
		return database.jdbc().sql(sql).query(Long.class).single() > 0;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
