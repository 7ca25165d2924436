package dev.ferry.crypto;

import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two first uses of a server secret at once (the first two uploads after a start both
 * need the dedup key) get the same secret, without an error, on SQLite, PostgreSQL and
 * MariaDB: SQLite's driver names no constraint error as a duplicate key.
 */
class ServerSecretsRaceTests extends EveryVendor {

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoFirstUsesAtOnceGetOneSecret(Vendor vendor, JdbcClient jdbc) throws Exception {
		ServerSecrets secrets = TestSecrets.over(jdbc, database(vendor).dialect());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 100; round++) {
				String name = "race-" + vendor + "-" + round;
				CyclicBarrier together = new CyclicBarrier(2);
				Callable<byte[]> firstUse = () -> {
					together.await(10, TimeUnit.SECONDS);
					return secrets.secret(name);
				};
				Future<byte[]> one = threads.submit(firstUse);
				Future<byte[]> other = threads.submit(firstUse);

				assertThat(one.get(30, TimeUnit.SECONDS)).as(name).isEqualTo(other.get(30, TimeUnit.SECONDS));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
