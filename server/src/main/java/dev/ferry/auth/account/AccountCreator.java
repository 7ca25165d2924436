package dev.ferry.auth.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
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

	private final AuditLog audit;

	AccountCreator(UserRepository users, AccountRows rows, PasswordEncoder passwords, PasswordPolicy policy,
			Clock clock, AuditLog audit) {
		this.audit = audit;
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

	/**
	 * {@link #check}, with a refusal (a taken address, a password the policy refuses)
	 * audited as a failed {@code action} before it is answered.
	 */
	void check(String action, String email, String password) {
		audited(action, email, () -> {
			check(email, password);
			return null;
		});
	}

	/**
	 * {@link #create}, with a refusal audited like
	 * {@link #check(String, String, String)}.
	 */
	User create(String action, String email, String password, String name, Role role, Long quotaBytes) {
		return audited(action, email, () -> create(email, password, name, role, quotaBytes));
	}

	private <T> T audited(String action, String email, Supplier<T> step) {
		try {
			return step.get();
		}
		catch (AuthException ex) {
			audit.record(AuditEvent.failure(action)
				.detail("email", UserRepository.normalize(email))
				.detail("reason", (ex.getStatusCode().value() == 409) ? "email_taken" : "invalid_password"));
			throw ex;
		}
	}

	static AuthException emailTaken() {
		return AuthException.conflict("email-taken", "Email taken", "An account with this email already exists.");
	}

	public static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
