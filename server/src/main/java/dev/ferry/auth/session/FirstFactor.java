package dev.ferry.auth.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.crypto.SecureTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password step of every sign-in (the HTTP login and SFTP): counted by
 * {@link CredentialLimits} before the password is checked, then checked by the directory
 * when one {@link DirectoryPasswords#decides decides} for the account, else against the
 * Ferry password hash. The callers audit the outcome in their own words. A hash in an
 * older format (bcrypt of an imported account) or at a lower cost than today's is
 * replaced by a new one when the password it checked was right: the only moment the
 * password is at hand.
 */
@Component
public class FirstFactor {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final CredentialLimits limits;

	private final AccountSecurityProperties properties;

	private final ObjectProvider<DirectoryPasswords> directory;

	private final AuditLog audit;

	/**
	 * Checked against when the account does not exist, so both failures cost the same.
	 */
	private final String decoyHash;

	FirstFactor(UserRepository users, PasswordEncoder passwords, CredentialLimits limits,
			AccountSecurityProperties properties, ObjectProvider<DirectoryPasswords> directory, AuditLog audit) {
		this.users = users;
		this.passwords = passwords;
		this.limits = limits;
		this.properties = properties;
		this.directory = directory;
		this.audit = audit;
		this.decoyHash = passwords.encode(SecureTokens.generate("decoy-"));
	}

	/** Checks {@code password} for the account behind {@code email}; 429 past a limit. */
	public Outcome check(String email, String password, ClientInfo client) {
		String normalized = UserRepository.normalize(email);
		Optional<User> found = users.findByEmail(normalized);
		Optional<DirectoryPasswords> directory = Optional.ofNullable(this.directory.getIfAvailable())
			.filter((candidate) -> candidate.decides(found));
		// Before the password is checked, so a refused attempt tells nothing about it,
		// and before the answer that password sign-in is off, which tells an account
		// Ferry keeps from an address the directory checks: probing for them is counted
		// too.
		CredentialLimits.Attempt attempt = limits.acquire("auth.login", "password", normalized, found, client);
		// FERRY_PASSWORD_LOGIN=false turns off passwords Ferry keeps, not a directory's.
		if (directory.isEmpty() && !properties.passwordLogin()) {
			return Outcome.denied(normalized, null, Outcome.PASSWORD_LOGIN_DISABLED);
		}
		String given = (password != null) ? password : "";
		List<CredentialLimits.Attempt> entries = new ArrayList<>();
		Outcome outcome = directory
			.map((checker) -> checker.authenticate(normalized, found, given,
					(dn) -> entries.add(limits.acquireEntry("auth.login", dn, normalized, client))))
			.orElseGet(() -> local(normalized, found, given));
		if (Outcome.DIRECTORY_UNAVAILABLE.equals(outcome.reason())) {
			// The directory could not answer: no guess was made.
			limits.succeeded(attempt);
			entries.forEach(limits::succeeded);
		}
		if (!outcome.passed()) {
			return outcome;
		}
		limits.succeeded(attempt);
		entries.forEach(limits::succeeded);
		if (!outcome.user().isActive()) {
			return Outcome.denied(normalized, outcome.user(), "suspended");
		}
		return outcome;
	}

	private Outcome local(String email, Optional<User> found, String password) {
		boolean matches = passwords.matches(password,
				found.map(User::passwordHash).filter((hash) -> hash != null).orElse(decoyHash));
		if (found.isEmpty() || !matches) {
			return Outcome.failed(email, found.orElse(null), found.isEmpty() ? "unknown_account" : "wrong_password");
		}
		return Outcome.passed(email, upgradeHash(found.get(), password), "password");
	}

	/** The account with the hash it now has. */
	private User upgradeHash(User user, String password) {
		String hash = user.passwordHash();
		if (hash == null || !passwords.upgradeEncoding(hash)) {
			return user;
		}
		String upgraded = passwords.encode(password);
		if (!users.rehashPassword(user.id(), hash, upgraded)) {
			// Another sign-in upgraded it first: the account with that hash, which the
			// session's check compares. Changed meanwhile: the old hash, refused there.
			return users.findById(user.id())
				.filter((now) -> now.passwordHash() != null && passwords.matches(password, now.passwordHash()))
				.orElse(user);
		}
		audit.record(AuditEvent.success("auth.password_rehash")
			.by(user.auditActor())
			.object("user", user.id())
			.detail("from", scheme(hash)));
		return user.withPasswordHash(upgraded);
	}

	/** The {@code {id}} prefix of a stored hash, which names its algorithm. */
	private static String scheme(String hash) {
		int end = hash.indexOf('}');
		return (hash.startsWith("{") && end > 0) ? hash.substring(1, end) : "unknown";
	}

	/**
	 * A password check's result: {@code user} when known, {@code method}
	 * ({@code password} or {@code ldap}) when it passed, else {@code reason};
	 * {@code denied} when the credentials were not the problem (suspended, password
	 * sign-in off).
	 */
	public record Outcome(String email, User user, String method, String reason, boolean denied) {

		public static final String PASSWORD_LOGIN_DISABLED = "password_login_disabled";

		public static final String DIRECTORY_UNAVAILABLE = "directory_unavailable";

		public static Outcome passed(String email, User user, String method) {
			return new Outcome(email, user, method, null, false);
		}

		public static Outcome failed(String email, User user, String reason) {
			return new Outcome(email, user, null, reason, false);
		}

		public static Outcome denied(String email, User user, String reason) {
			return new Outcome(email, user, null, reason, true);
		}

		public boolean passed() {
			return reason == null;
		}

	}

}
