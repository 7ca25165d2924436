package dev.ferry.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.DirectoryPasswords;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A new password for an account: judged by the {@link PasswordPolicy} (history included),
 * stored hashed, and remembered so it cannot come back. Accounts whose password lives in
 * a directory ({@link DirectoryPasswords}) get none: neither the policy nor a change or
 * reset applies to them.
 */
@Component
class NewPasswords {

	private final PasswordResetRepository resets;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final UserRepository users;

	private final Clock clock;

	private final ObjectProvider<DirectoryPasswords> directory;

	private final AuditLog audit;

	NewPasswords(PasswordPolicy policy, PasswordEncoder encoder, UserRepository users, Clock clock,
			ObjectProvider<DirectoryPasswords> directory, AuditLog audit, PasswordResetRepository resets) {
		this.resets = resets;
		this.policy = policy;
		this.encoder = encoder;
		this.users = users;
		this.clock = clock;
		this.directory = directory;
		this.audit = audit;
	}

	/** Whether the account's password lives in a directory rather than in Ferry. */
	boolean directoryManaged(UUID userId) {
		return Optional.ofNullable(directory.getIfAvailable()).filter((dir) -> dir.manages(userId)).isPresent();
	}

	/**
	 * The active account behind {@code email} whose password Ferry keeps, for a reset
	 * mail; a directory's account is audited as refused.
	 */
	Optional<User> resettable(String email) {
		return users.findByEmail(email).filter(User::isActive).filter((user) -> {
			if (!directoryManaged(user.id())) {
				return true;
			}
			audit.record(AuditEvent.denied("auth.password_reset_issue")
				.by(AuditActor.system())
				.object("user", user.id())
				.detail("reason", "directory_account"));
			return false;
		});
	}

	/**
	 * Refuses (409, audited as {@code action} denied) to touch the password of an account
	 * whose password lives in a directory.
	 */
	void requireFerryPassword(User user, String action) {
		if (directoryManaged(user.id())) {
			audit.record(AuditEvent.denied(action).by(user.auditActor()).detail("reason", "directory_account"));
			throw AuthException.directoryAccount();
		}
	}

	/**
	 * Refuses (400) a password the policy does not allow (the controller's validation
	 * already refused a weak one; here the account's history counts), audited as
	 * {@code action}.
	 */
	void check(String field, String password, UUID userId, String action) {
		try {
			this.policy.check(field, password, userId);
		}
		catch (AuthException ex) {
			this.audit.record(AuditEvent.failure(action).object("user", userId).detail("reason", "password_policy"));
			throw ex;
		}
	}

	/**
	 * Sets the password; every reset link still out for the account dies with the old one
	 * (a mail read in a compromised inbox must not undo the owner's change).
	 */
	void set(User user, String password) {
		String hash = this.encoder.encode(password);
		Instant now = this.clock.instant();
		this.users.setPassword(user.id(), hash, now);
		this.policy.remember(user.id(), hash);
		this.resets.useAll(user.id(), now);
	}

}
