package dev.ferry.auth.password;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccountSecurityProperties;
import dev.ferry.auth.PublicUrl;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Component;

/**
 * Mails an active account a password reset link: a random token, stored hashed, alive for
 * {@code FERRY_PASSWORD_RESET_TTL}. Addresses without an active account, and accounts
 * whose password lives in a directory, get nothing.
 */
@Component
class ResetMail {

	private final NewPasswords passwords;

	private final PasswordResetRepository resets;

	private final Mailer mail;

	private final PublicUrl publicUrl;

	private final AccountSecurityProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	ResetMail(NewPasswords passwords, PasswordResetRepository resets, Mailer mail, PublicUrl publicUrl,
			AccountSecurityProperties properties, AuditLog audit, Clock clock) {
		this.passwords = passwords;
		this.resets = resets;
		this.mail = mail;
		this.publicUrl = publicUrl;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	void send(String email) {
		passwords.resettable(email).ifPresent((user) -> {
			Instant now = clock.instant();
			String token = SecureTokens.generate("");
			resets.insert(SecureTokens.hash(token), user.id(), now, now.plus(properties.passwordResetTtl()));
			// In the fragment, like invitations: browsers never send it, so it stays
			// out of logs and Referer headers; the reset page posts it to .../confirm.
			boolean sent = mail.send(user.email(), "account-password-reset",
					Map.of("email", user.email(), "url", publicUrl.resolve("/reset-password#token=" + token), "minutes",
							Long.toString(properties.passwordResetTtl().toMinutes())));
			audit.record(AuditEvent.success("auth.password_reset_issue")
				.by(AuditActor.system())
				.object("user", user.id())
				.detail("mailed", sent));
		});
	}

}
