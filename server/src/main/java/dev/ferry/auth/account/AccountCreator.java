package dev.ferry.auth.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.ferry.auth.AuthException;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.auth.password.PasswordPolicy;

/**
 * Creates accounts for every path that makes one: admin API, registration, setup. Always
 * called inside the caller's transaction, and deliberately not transactional itself: a
 * nested transactional method that throws would mark the caller's transaction
 * rollback-only and turn a clean 409 into an unexpected-rollback error.
 */
@Component
public class AccountCreator {

	private final UserRepository users;

	private final AccountRows rows;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final Clock clock;

	AccountCreator(UserRepository users, AccountRows rows, PasswordEncoder passwords, PasswordPolicy policy,
			Clock clock) {
		this.users = users;
		this.rows = rows;
		this.passwords = passwords;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Throws the 400 or 409 that {@link #create} would, without writing anything, so a
	 * caller can check before its own first write.
	 */
	void check(String email, String password) {
		policy.check("password", password, null);
		if (users.findByEmail(email).isPresent()) {
			throw emailTaken();
		}
	}

	User create(String email, String password, String name, Role role, Long quotaBytes) {
		check(email, password);
		Instant now = clock.instant();
		User user = new User(UUID.randomUUID(), UserRepository.normalize(email), blankToNull(name),
				passwords.encode(password), role, UserStatus.ACTIVE, quotaBytes, now, now);
		if (!rows.insert(user)) {
			throw emailTaken();
		}
		policy.remember(user.id(), user.passwordHash());
		return users.findById(user.id()).orElseThrow();
	}

	static AuthException emailTaken() {
		return AuthException.conflict("email-taken", "Email taken", "An account with this email already exists.");
	}

	public static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
