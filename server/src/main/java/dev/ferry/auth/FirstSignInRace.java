package dev.ferry.auth;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds or creates the account behind a first sign-in through a provider (single sign-on,
 * the directory) when two sign-ins of the same person race: both find no account, both
 * insert it, and the unique email or identity lets one win. The loser's writes are undone
 * to a savepoint within the caller's transaction and it resolves once more, now finding
 * the winner's account and link (on SQLite the sign-ins never overlap: each transaction
 * takes the write lock first). Should it lose again, the answer is empty and the caller
 * refuses the sign-in as concurrent, to be tried again: never a 500.
 * {@code SsoAccountsRaceTests} sets the race up on each database.
 */
@Component
public class FirstSignInRace {

	private final TransactionTemplate savepoint;

	public FirstSignInRace(PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * What {@code resolve} answers, tried at most twice; empty when it lost both times.
	 */
	public <T> Optional<T> settle(Supplier<T> resolve) {
		for (int attempt = 0; attempt < 2; attempt++) {
			try {
				return Optional.of(savepoint.execute((status) -> resolve.get()));
			}
			catch (DataIntegrityViolationException lost) {
				// Another sign-in wrote the same account or link first: look again.
			}
		}
		return Optional.empty();
	}

}
