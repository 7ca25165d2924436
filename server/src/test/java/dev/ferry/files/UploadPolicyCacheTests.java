package dev.ferry.files;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every upload asks for the policy several times: it is read from the database once and
 * then kept for a short while, not read on every check.
 */
class UploadPolicyCacheTests {

	@Test
	void manyChecksReadThePolicyOnce() {
		CountingRepository repository = new CountingRepository(
				"{\"rules\":[{\"allowedExtensions\":[\".txt\"],\"maxSize\":2048}]}");
		UploadRulesService rules = new UploadRulesService(repository, null, null, (event) -> {
		}, TransactionOperations.withoutTransaction(), JsonMapper.builder().build());
		CurrentUser user = new CurrentUser(UUID.randomUUID(), "cache@ferry.test", "Cache", Role.USER, Set.of(), null,
				null);

		for (int i = 0; i < 100; i++) {
			rules.checkName(user, "notes-" + i + ".txt", 100);
			assertThat(rules.checksContent(user)).isFalse();
		}

		assertThat(repository.reads.get()).isEqualTo(1);
	}

	static final class CountingRepository extends UploadPolicyRepository {

		final AtomicInteger reads = new AtomicInteger();

		private final String stored;

		CountingRepository(String stored) {
			super(null);
			this.stored = stored;
		}

		@Override
		Optional<String> rules() {
			reads.incrementAndGet();
			return Optional.of(stored);
		}

		@Override
		void replace(String rules, Instant now) {
			throw new UnsupportedOperationException();
		}

	}

}
