package dev.ferry.share.request;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.notify.Mailer;
import dev.ferry.share.ShareException;
import dev.ferry.share.link.EmailCodes;
import dev.ferry.share.link.PublicShares;
import dev.ferry.share.link.SecretLimits;
import dev.ferry.share.link.ShareSessions;
import dev.ferry.share.request.UploadRequestApi.PublicView;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The visitor's side of an upload request: its page, the password or address check that
 * yields a session, and the codes mailed for the check. Unknown and revoked requests look
 * alike (404); expired ones are 410.
 */
@Service
class PublicUploadRequests {

	static final String SUBJECT = "request";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final UploadRequestRepository requests;

	private final ShareSessions sessions;

	private final EmailCodes codes;

	private final SecretLimits limits;

	private final PasswordEncoder encoder;

	private final Accounts accounts;

	private final Mailer mailer;

	private final AuditLog audit;

	private final Clock clock;

	PublicUploadRequests(UploadRequestRepository requests, ShareSessions sessions, EmailCodes codes,
			SecretLimits limits, PasswordEncoder encoder, Accounts accounts, Mailer mailer, AuditLog audit,
			Clock clock) {
		this.requests = requests;
		this.sessions = sessions;
		this.codes = codes;
		this.limits = limits;
		this.encoder = encoder;
		this.accounts = accounts;
		this.mailer = mailer;
		this.audit = audit;
		this.clock = clock;
	}

	UploadRequest visit(String token, String action) {
		UploadRequest request = (token != null && TOKEN.matcher(token).matches())
				? requests.findByTokenHash(SecureTokens.hash(token)).orElse(null) : null;
		return check(request, action);
	}

	/** The request if it is still open, else the problem the visitor should see. */
	UploadRequest check(UploadRequest request, String action) {
		if (request == null || request.revokedAt() != null) {
			audit.record(AuditEvent.failure(action)
				.object("upload_request", (request != null) ? request.id() : null)
				.detail("reason", (request != null) ? "revoked" : "unknown"));
			throw ShareException.linkNotFound();
		}
		if (!clock.instant().isBefore(request.expiresAt())) {
			audit.record(AuditEvent.failure(action).object("upload_request", request.id()).detail("reason", "expired"));
			throw ShareException.linkExpired();
		}
		return request;
	}

	PublicView info(String token) {
		UploadRequest r = visit(token, "upload_request.view");
		audit.record(AuditEvent.success("upload_request.view").object("upload_request", r.id()));
		return new PublicView(r.title(), r.message(), ownerName(r), r.maxFiles(), r.maxTotalBytes(), r.allowedTypes(),
				Math.max(0, r.maxFiles() - r.filesReserved()), Math.max(0, r.maxTotalBytes() - r.bytesReserved()),
				r.expiresAt().toString(), r.passwordRequired(), r.verificationRequired());
	}

	/**
	 * A session for uploading; only with the password, and never for allow-listed
	 * requests.
	 */
	ShareSessions.Issued session(String token, String password, String ip) {
		UploadRequest request = visit(token, "upload_request.unlock");
		if (request.verificationRequired()) {
			throw ShareException.locked(request.passwordRequired(), true);
		}
		checkPassword(request, password, ip);
		audit.record(AuditEvent.success("upload_request.unlock").object("upload_request", request.id()));
		return sessions.issue(SUBJECT, request.id(), null);
	}

	String requestCode(String token, String rawEmail, String ip) {
		UploadRequest request = visit(token, "upload_request.verification_requested");
		String email = PublicShares.normalize(rawEmail);
		limits.acquire("upload_request.verification_requested", "upload_request", request.id(), "code_request", ip);
		boolean allowed = request.allowedEmails().contains(email);
		if (allowed) {
			mailer.send(email, "verification-code",
					Map.of("code", codes.issue(SUBJECT, request.id(), email), "title", request.title()));
		}
		else {
			encoder.encode("000000");
		}
		audit.record(AuditEvent.success("upload_request.verification_requested")
			.object("upload_request", request.id())
			.detail("email", email)
			.detail("allowed", allowed));
		return mailer.status();
	}

	ShareSessions.Issued confirmCode(String token, String rawEmail, String code, String password, String ip) {
		UploadRequest request = visit(token, "upload_request.verification");
		String email = PublicShares.normalize(rawEmail);
		if (request.passwordRequired()) {
			checkPassword(request, password, ip);
		}
		SecretLimits.Attempt attempt = limits.acquire("upload_request.verification", "upload_request", request.id(),
				"code", ip);
		if (!request.allowedEmails().contains(email) || !codes.confirm(SUBJECT, request.id(), email, code)) {
			audit.record(AuditEvent.failure("upload_request.verification")
				.object("upload_request", request.id())
				.detail("email", email));
			throw ShareException.invalidCode();
		}
		limits.succeeded(attempt);
		audit.record(AuditEvent.success("upload_request.verification")
			.object("upload_request", request.id())
			.detail("email", email));
		return sessions.issue(SUBJECT, request.id(), email);
	}

	/** The owner as the uploader acts: their account, narrowed to writing. */
	Optional<CurrentUser> actingOwner(UploadRequest request) {
		return accounts.find(request.ownerId())
			.filter(User::isActive)
			.map((u) -> new CurrentUser(u.id(), u.email(), u.name(), u.role(), EnumSet.of(Scope.WRITE), null, null));
	}

	String ownerName(UploadRequest request) {
		return accounts.find(request.ownerId())
			.map(User::name)
			.filter((name) -> !name.isBlank())
			.orElse("A Ferry user");
	}

	private void checkPassword(UploadRequest request, String password, String ip) {
		if (!request.passwordRequired()) {
			return;
		}
		SecretLimits.Attempt attempt = limits.acquire("upload_request.unlock", "upload_request", request.id(),
				"password", ip);
		if (password == null || !encoder.matches(password, request.passwordHash())) {
			audit.record(AuditEvent.failure("upload_request.unlock")
				.object("upload_request", request.id())
				.detail("reason", "wrong_password"));
			throw ShareException.wrongPassword();
		}
		limits.succeeded(attempt);
	}

}
