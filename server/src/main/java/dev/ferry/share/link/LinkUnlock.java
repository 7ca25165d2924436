package dev.ferry.share.link;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.notify.Mailer;
import dev.ferry.share.ShareException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Unlocking a public link, a share link or an upload request alike: the password check
 * and the mailed-code check, both counted against the guessing limits, and the share
 * session either one yields. One object, so both kinds of link guard their secrets the
 * same way.
 */
@Component
public class LinkUnlock {

	private final ShareSessions sessions;

	private final EmailCodes codes;

	private final SecretLimits limits;

	private final PasswordEncoder encoder;

	private final Mailer mailer;

	private final AuditLog audit;

	LinkUnlock(ShareSessions sessions, EmailCodes codes, SecretLimits limits, PasswordEncoder encoder, Mailer mailer,
			AuditLog audit) {
		this.sessions = sessions;
		this.codes = codes;
		this.limits = limits;
		this.encoder = encoder;
		this.mailer = mailer;
		this.audit = audit;
	}

	/**
	 * Refuses a wrong {@code password} for the link (audited as a failed {@code action});
	 * every try counts against the limits for this link and address.
	 */
	public void checkPassword(String action, Target target, String passwordHash, String password, String ip) {
		SecretLimits.Attempt attempt = limits.acquire(action, target.objectType(), target.id(), "password", ip);
		if (password == null || !encoder.matches(password, passwordHash)) {
			audit.record(AuditEvent.failure(action)
				.object(target.objectType(), target.id())
				.detail("reason", "wrong_password"));
			throw ShareException.wrongPassword();
		}
		limits.succeeded(attempt);
	}

	/**
	 * Mails a code to an {@code eligible} address, in its account's language, else
	 * {@code preferred} (the sender's choice for it; may be null); for any other the same
	 * hashing time is spent, so the answer cannot tell them apart. Returns the mail
	 * status.
	 */
	public String sendCode(String action, Target target, String email, boolean eligible, String title, Locale preferred,
			String ip) {
		limits.acquire(action, target.objectType(), target.id(), "code_request", ip);
		if (eligible) {
			String code = codes.issue(target.subject(), target.id(), email);
			mailer.send(email, preferred, "verification-code", Map.of("code", code, "title", title));
		}
		else {
			encoder.encode("000000");
		}
		return mailer.status();
	}

	/**
	 * Whether {@code code} is the one mailed to an {@code eligible} address; every try
	 * counts against the limits, and only a success resets them. Any address costs one
	 * code comparison, so the time of the answer does not tell recipients apart.
	 */
	public boolean confirmCode(String action, Target target, String email, String code, boolean eligible, String ip) {
		SecretLimits.Attempt attempt = limits.acquire(action, target.objectType(), target.id(), "code", ip);
		boolean confirmed = eligible ? codes.confirm(target.subject(), target.id(), email, code) : codes.mismatch(code);
		if (confirmed) {
			limits.succeeded(attempt);
		}
		return confirmed;
	}

	/** A session for the unlocked link, bound to the verified address if any. */
	public ShareSessions.Issued session(Target target, String email) {
		return sessions.issue(target.subject(), target.id(), email);
	}

	/** Forgets the sessions and codes past their lifetime (called by the sweeper). */
	void deleteExpired(Instant now) {
		sessions.deleteExpired(now);
		codes.deleteExpired(now);
	}

	/**
	 * The link being unlocked: {@code subject} names it in sessions and codes,
	 * {@code objectType} in the audit log and the guessing limits.
	 */
	public record Target(String subject, String objectType, UUID id) {
	}

}
