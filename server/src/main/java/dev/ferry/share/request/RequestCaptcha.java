package dev.ferry.share.request;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.ShareException;
import dev.ferry.share.link.LinkUnlock;
import dev.ferry.share.link.ProofOfWork;
import dev.ferry.share.link.PublicShareController.ChallengeView;
import dev.ferry.share.link.ShareSessions;

import org.springframework.stereotype.Service;

/**
 * The proof of work of upload requests with {@code captcha}: challenges bound to the
 * request, and their solutions, which open an upload session once each. Without that
 * session the tus endpoint takes nothing for the request.
 */
@Service
class RequestCaptcha {

	private static final String KIND = "upload_request";

	private final PublicUploadRequests visitors;

	private final LinkUnlock unlock;

	private final ProofOfWork work;

	private final AuditLog audit;

	RequestCaptcha(PublicUploadRequests visitors, LinkUnlock unlock, ProofOfWork work, AuditLog audit) {
		this.visitors = visitors;
		this.unlock = unlock;
		this.work = work;
		this.audit = audit;
	}

	ChallengeView challenge(String token) {
		UploadRequest request = captchaRequest(token, "upload_request.captcha_challenge");
		ChallengeView challenge = work.challenge(KIND, request.id());
		audit.record(AuditEvent.success("upload_request.captcha_challenge").object("upload_request", request.id()));
		return challenge;
	}

	/**
	 * Checks a solved challenge for the request and opens an upload session; refused
	 * (403, audited) when forged, for another request, expired or already used.
	 */
	ShareSessions.Issued solve(String token, String payload) {
		UploadRequest request = captchaRequest(token, "upload_request.captcha");
		ProofOfWork.Refusal refusal = work.spend(payload, KIND, request.id());
		if (refusal != null) {
			audit.record(AuditEvent.failure("upload_request.captcha")
				.object("upload_request", request.id())
				.detail("reason", refusal.reason()));
			throw ShareException.captchaRefused(refusal.detail());
		}
		audit.record(AuditEvent.success("upload_request.captcha").object("upload_request", request.id()));
		return unlock.session(PublicUploadRequests.target(request), null);
	}

	private UploadRequest captchaRequest(String token, String action) {
		UploadRequest request = visitors.visit(token, action);
		if (!request.captcha()) {
			audit.record(
					AuditEvent.failure(action).object("upload_request", request.id()).detail("reason", "no_captcha"));
			throw ShareException.invalid("This upload request needs no CAPTCHA: open it with POST /session.");
		}
		return request;
	}

}
