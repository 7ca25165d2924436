package dev.ferry.share.link;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.ShareException;
import dev.ferry.share.link.PublicShareController.ChallengeView;

import org.springframework.stereotype.Service;

/**
 * The proof of work of links with {@code captcha}: challenges bound to the link, and
 * their solutions, which open a share session once each.
 */
@Service
class ShareCaptcha {

	private static final String KIND = "link";

	private final PublicShares shares;

	private final LinkUnlock unlock;

	private final ProofOfWork work;

	private final AuditLog audit;

	ShareCaptcha(PublicShares shares, LinkUnlock unlock, ProofOfWork work, AuditLog audit) {
		this.shares = shares;
		this.unlock = unlock;
		this.work = work;
		this.audit = audit;
	}

	/** A new challenge for the link behind {@code token}. */
	ChallengeView challenge(String token) {
		ShareLink link = captchaLink(token, "share.captcha_challenge");
		ChallengeView challenge = work.challenge(KIND, link.id());
		audit.record(AuditEvent.success("share.captcha_challenge").object("share_link", link.id()));
		return challenge;
	}

	/**
	 * Checks a solved challenge for the link and opens a share session; refused (403,
	 * audited) when forged, for another link, expired or already used.
	 */
	ShareSessions.Issued solve(String token, String payload) {
		ShareLink link = captchaLink(token, "share.captcha");
		ProofOfWork.Refusal refusal = work.spend(payload, KIND, link.id());
		if (refusal != null) {
			audit.record(AuditEvent.failure("share.captcha")
				.object("share_link", link.id())
				.detail("reason", refusal.reason()));
			throw ShareException.captchaRefused(refusal.detail());
		}
		audit.record(AuditEvent.success("share.captcha").object("share_link", link.id()));
		return unlock.session(new LinkUnlock.Target(PublicShares.SUBJECT, "share_link", link.id()), null);
	}

	/** A link with a CAPTCHA whose downloads are not used up (no session for those). */
	private ShareLink captchaLink(String token, String action) {
		Visit visit = shares.visit(token, null, action);
		ShareLink link = visit.link();
		shares.refuseIfExhausted(visit, action);
		if (!link.captcha()) {
			audit.record(AuditEvent.failure(action).object("share_link", link.id()).detail("reason", "no_captcha"));
			throw ShareException.invalid("This link needs no CAPTCHA: open it with POST /unlock.");
		}
		return link;
	}

}
