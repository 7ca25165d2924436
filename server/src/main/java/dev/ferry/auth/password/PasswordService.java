package dev.ferry.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.RequestLimits;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.session.CredentialLimits;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.SignInPolicy;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.notify.Mailer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing a password (knowing the current one) and resetting a forgotten one by mail.
 * Either way the new password meets the policy, and sessions are ended: all others on a
 * change, every one on a reset.
 */
@Service
class PasswordService {

	private final UserRepository users;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final PasswordResetRepository resets;

	private final SessionService sessions;

	private final SignInPolicy signIn;

	private final Mailer mail;

	private final PublicUrl publicUrl;

	private final AccountSecurityProperties properties;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final RequestLimits limits;

	private final CredentialLimits credentials;

	private final Clock clock;

	PasswordService(UserRepository users, PasswordPolicy policy, PasswordEncoder passwords,
			PasswordResetRepository resets, SessionService sessions, SignInPolicy signIn, Mailer mail,
			PublicUrl publicUrl, AccountSecurityProperties properties, AuditLog audit, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, RequestLimits limits,
			CredentialLimits credentials, Clock clock) {
		this.limits = limits;
		this.credentials = credentials;
		this.users = users;
		this.policy = policy;
		this.passwords = passwords;
		this.resets = resets;
		this.sessions = sessions;
		this.signIn = signIn;
		this.mail = mail;
		this.publicUrl = publicUrl;
		this.properties = properties;
		this.audit = audit;
		this.transactions = transactions;
		this.executor = executor;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = AuthException.class)
	void change(CurrentUser caller, String currentPassword, String newPassword, ClientInfo client) {
		if (caller.sessionId() == null) {
			audit.record(AuditEvent.denied("auth.password_change").detail("reason", "api_key"));
			throw AuthException.interactiveSessionRequired("change your password");
		}
		User user = users.findById(caller.userId()).orElseThrow(AuthException::unauthenticated);
		// A stolen session must not become a way to guess the password.
		CredentialLimits.Attempt attempt = credentials.acquire("auth.password_change", "password",
				UserRepository.normalize(user.email()), Optional.of(user), client);
		if (user.passwordHash() == null || !passwords.matches(currentPassword, user.passwordHash())) {
			audit.record(AuditEvent.failure("auth.password_change").detail("reason", "wrong_password"));
			throw AuthException.invalidField("current_password", "is wrong");
		}
		credentials.succeeded(attempt);
		policy.check("new_password", newPassword, user.id());
		setPassword(user, newPassword);
		int ended = sessions.revokeAll(user.id(), caller.sessionId(), "password_change");
		signIn.passwordChanged(user);
		audit.record(
				AuditEvent.success("auth.password_change").object("user", user.id()).detail("sessions_ended", ended));
	}

	/**
	 * Always the same answer, at once: the lookup and the mail happen in the background,
	 * so neither the answer nor its timing tells whether the address has an account.
	 * Requests over the limits (per address, per account) are dropped silently, so the
	 * answer does not change either.
	 */
	void requestReset(String email, String ip) {
		String normalized = UserRepository.normalize(email);
		if (limits.resetRequest(normalized, ip).isPresent()) {
			audit.record(AuditEvent.denied("auth.password_reset_request")
				.detail("email", normalized)
				.detail("reason", "rate_limited"));
			return;
		}
		audit.record(AuditEvent.success("auth.password_reset_request").detail("email", normalized));
		executor.execute(() -> transactions.executeWithoutResult((status) -> issueReset(normalized)));
	}

	@Transactional(noRollbackFor = AuthException.class)
	void confirmReset(String token, String newPassword) {
		Instant now = clock.instant();
		String hash = SecureTokens.hash(token);
		User user = resets.findLive(hash, now).flatMap(users::findById).orElseThrow(() -> {
			audit.record(AuditEvent.failure("auth.password_reset").detail("reason", "invalid_token"));
			return AuthException.invalidResetToken();
		});
		policy.check("password", newPassword, user.id());
		if (!resets.use(hash, now)) {
			throw AuthException.invalidResetToken();
		}
		resets.useAll(user.id(), now);
		setPassword(user, newPassword);
		sessions.revokeAll(user.id(), "password_reset");
		audit.record(AuditEvent.success("auth.password_reset").by(user.auditActor()).object("user", user.id()));
	}

	private void issueReset(String email) {
		users.findByEmail(email).filter(User::isActive).ifPresent((user) -> {
			Instant now = clock.instant();
			String token = SecureTokens.generate("");
			resets.insert(SecureTokens.hash(token), user.id(), now, now.plus(properties.passwordResetTtl()));
			// In the fragment, like invitations: browsers never send it, so it stays out
			// of
			// logs and Referer headers; the reset page posts it to .../confirm.
			boolean sent = mail.send(user.email(), "account-password-reset",
					Map.of("email", user.email(), "url", publicUrl.resolve("/reset-password#token=" + token), "minutes",
							Long.toString(properties.passwordResetTtl().toMinutes())));
			audit.record(AuditEvent.success("auth.password_reset_issue")
				.by(AuditActor.system())
				.object("user", user.id())
				.detail("mailed", sent));
		});
	}

	private void setPassword(User user, String password) {
		String hash = passwords.encode(password);
		users.setPassword(user.id(), hash, clock.instant());
		policy.remember(user.id(), hash);
	}

}
