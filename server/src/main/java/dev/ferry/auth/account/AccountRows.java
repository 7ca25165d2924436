package dev.ferry.auth.account;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a new account's row, answering false when its email is taken, also by a request
 * that checked at the same moment and inserted first. The insert runs in a savepoint:
 * PostgreSQL aborts a transaction at a failed statement, and the transactions creating
 * accounts (an admin's, a SCIM request's) go on to audit the refusal and commit, so only
 * the insert may roll back.
 */
@Component
class AccountRows {

	private final UserRepository users;

	private final TransactionTemplate savepoint;

	AccountRows(UserRepository users, PlatformTransactionManager transactions) {
		this.users = users;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	boolean insert(User user) {
		try {
			savepoint.executeWithoutResult((status) -> users.insert(user));
			return true;
		}
		catch (DataIntegrityViolationException taken) {
			return false;
		}
	}

}
