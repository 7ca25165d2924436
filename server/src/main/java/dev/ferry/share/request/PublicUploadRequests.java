package dev.ferry.share.request;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.share.EmailAddresses;
import dev.ferry.protect.AccessGuard;
import dev.ferry.share.ShareException;
import dev.ferry.share.link.LinkUnlock;
import dev.ferry.share.link.ShareSessions;
import dev.ferry.share.request.UploadRequestApi.PublicView;

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

	private final LinkUnlock unlock;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final AccessGuard guard;

	PublicUploadRequests(UploadRequestRepository requests, LinkUnlock unlock, Accounts accounts, AuditLog audit,
			Clock clock, AccessGuard guard) {
		this.guard = guard;
		this.requests = requests;
		this.unlock = unlock;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	UploadRequest visit(String token, String action) {
		UploadRequest request = (token != null && TOKEN.matcher(token).matches())
				? requests.findByTokenHash(SecureTokens.hash(token)).orElse(null) : null;
		return check(request, action);
	}

	/**
	 * The request if it is still open and its access rules admit this client, else the
	 * problem the visitor should see.
	 */
	UploadRequest check(UploadRequest request, String action) {
		if (request == null || request.revokedAt() != null) {
			audit.record(AuditEvent.failure(action)
				.object("upload_request", (request != null) ? request.id() : null)
				.detail("reason", (request != null) ? "revoked" : "unknown"));
			throw ShareException.linkNotFound();
		}
		if (!clock.instant().isBefore(request.expiresAt())) {
			refuse(request, action, "expired");
			throw ShareException.linkExpired();
		}
		guard.check(request.access(), action, "upload_request", request.id());
		return request;
	}

	PublicView info(String token) {
		UploadRequest r = visit(token, "upload_request.view");
		audit.record(AuditEvent.success("upload_request.view").object("upload_request", r.id()));
		return new PublicView(r.title(), r.message(), ownerName(r), r.maxFiles(), r.maxTotalBytes(), r.allowedTypes(),
				Math.max(0, r.maxFiles() - r.filesReserved()), Math.max(0, r.maxTotalBytes() - r.bytesReserved()),
				r.expiresAt().toString(), r.passwordRequired(), r.verificationRequired(), r.captcha());
	}

	/**
	 * A session for uploading; only with the password, and never for allow-listed
	 * requests or those asking for a proof of work ({@link RequestCaptcha} opens those).
	 */
	ShareSessions.Issued session(String token, String password, String ip) {
		UploadRequest request = visit(token, "upload_request.unlock");
		if (request.verificationRequired()) {
			refuse(request, "upload_request.unlock", "verification_required");
			throw ShareException.locked(request.passwordRequired(), true);
		}
		if (request.captcha()) {
			refuse(request, "upload_request.unlock", "captcha_required");
			throw ShareException.requestCaptchaRequired();
		}
		checkPassword(request, password, ip);
		audit.record(AuditEvent.success("upload_request.unlock").object("upload_request", request.id()));
		return unlock.session(target(request), null);
	}

	String requestCode(String token, String rawEmail, String ip) {
		UploadRequest request = visit(token, "upload_request.verification_requested");
		String email = EmailAddresses.normalize(rawEmail,
				() -> refuse(request, "upload_request.verification_requested", "invalid_email"));
		boolean allowed = request.allowedEmails().contains(email);
		String mail = unlock.sendCode("upload_request.verification_requested", target(request), email, allowed,
				request.title(), null, ip);
		audit.record(AuditEvent.success("upload_request.verification_requested")
			.object("upload_request", request.id())
			.detail("email", email)
			.detail("allowed", allowed));
		return mail;
	}

	ShareSessions.Issued confirmCode(String token, String rawEmail, String code, String password, String ip) {
		UploadRequest request = visit(token, "upload_request.verification");
		String email = EmailAddresses.normalize(rawEmail,
				() -> refuse(request, "upload_request.verification", "invalid_email"));
		if (request.passwordRequired()) {
			checkPassword(request, password, ip);
		}
		if (!unlock.confirmCode("upload_request.verification", target(request), email, code,
				request.allowedEmails().contains(email), ip)) {
			audit.record(AuditEvent.failure("upload_request.verification")
				.object("upload_request", request.id())
				.detail("email", email)
				.detail("reason", "invalid_code"));
			throw ShareException.invalidCode();
		}
		audit.record(AuditEvent.success("upload_request.verification")
			.object("upload_request", request.id())
			.detail("email", email));
		return unlock.session(target(request), email);
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
		unlock.checkPassword("upload_request.unlock", target(request), request.passwordHash(), password, ip);
	}

	static LinkUnlock.Target target(UploadRequest request) {
		return new LinkUnlock.Target(SUBJECT, "upload_request", request.id());
	}

	private void refuse(UploadRequest request, String action, String reason) {
		audit.record(AuditEvent.failure(action).object("upload_request", request.id()).detail("reason", reason));
	}

}
