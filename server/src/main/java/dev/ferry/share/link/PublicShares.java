package dev.ferry.share.link;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.DownloadTickets;
import dev.ferry.share.EmailAddresses;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferRepository;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;

/**
 * The visitor's side of a share link: resolving the token (checked on every request, so a
 * revoked or expired link stops at once), unlocking with the password and verifying an
 * address by a mailed code. Unknown and revoked links look alike (404).
 */
@Service
class PublicShares {

	static final String SUBJECT = "link";

	private final LinkLookup links;

	private final TransferRepository transfers;

	private final ShareSessions sessions;

	private final LinkUnlock unlock;

	private final AuditLog audit;

	private final DownloadTickets tickets;

	private final Clock clock;

	PublicShares(LinkLookup links, TransferRepository transfers, ShareSessions sessions, LinkUnlock unlock,
			AuditLog audit, DownloadTickets tickets, Clock clock) {
		this.tickets = tickets;
		this.links = links;
		this.transfers = transfers;
		this.sessions = sessions;
		this.unlock = unlock;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The link behind {@code token} if it may still be used; {@code sessionToken} is
	 * attached when valid for this link (an invalid one on an open link is ignored).
	 */
	Visit visit(String token, String sessionToken, String action) {
		Instant now = clock.instant();
		ShareLink link = links.byToken(token).orElse(null);
		Transfer transfer = (link != null) ? transfers.find(link.transferId()).orElse(null) : null;
		if (link == null || transfer == null) {
			audit.record(AuditEvent.failure(action).detail("reason", "unknown_link"));
			throw ShareException.linkNotFound();
		}
		if (link.revokedAt() != null || transfer.status(now) == Transfer.Status.REVOKED) {
			refuse(action, link, "revoked");
			throw ShareException.linkNotFound();
		}
		if (link.isExpired(now) || !transfer.isLive(now)) {
			refuse(action, link, "expired");
			throw ShareException.linkExpired();
		}
		links.admit(link, action);
		ShareSessions.Session session = (sessionToken != null)
				? sessions.find(sessionToken, SUBJECT, link.id()).orElse(null) : null;
		return new Visit(link, transfer, session);
	}

	/** Like {@link #visit} but also requires the link to be unlocked. */
	Visit unlocked(String token, String sessionToken, String action) {
		Visit visit = visit(token, sessionToken, action);
		if (!visit.unlocked()) {
			boolean captcha = visit.link().captcha() && visit.session() == null;
			// A valid session still to verify an address is locked, not invalid.
			boolean invalidSession = sessionToken != null && visit.session() == null;
			refuse(action, visit.link(), invalidSession ? "invalid_session" : captcha ? "captcha_required" : "locked");
			if (invalidSession) {
				throw ShareException.sessionInvalid();
			}
			throw captcha ? ShareException.captchaRequired()
					: ShareException.locked(visit.link().passwordRequired(), visit.link().requireEmailVerification());
		}
		requireStillRecipient(visit, action);
		return visit;
	}

	/**
	 * A verified address the owner has since taken off the transfer's recipients loses
	 * the link at once, session or not.
	 */
	private void requireStillRecipient(Visit visit, String action) {
		if (!stillRecipient(visit, action)) {
			throw ShareException.sessionInvalid();
		}
	}

	/**
	 * False, with the refusal on the trail, when {@link #requireStillRecipient} would
	 * throw.
	 */
	boolean stillRecipient(Visit visit, String action) {
		if (visit.link().requireEmailVerification() && visit.email() != null
				&& !transfers.isRecipient(visit.transfer().id(), visit.email())) {
			refuse(action, visit.link(), "not_recipient");
			return false;
		}
		return true;
	}

	/**
	 * The visit behind a download request: a download ticket in the query stands for the
	 * share session it was issued to, so it downloads (and counts) exactly as that
	 * session would with its header.
	 */
	Visit forDownload(String token, String sessionToken, HttpServletRequest request) {
		String ticket = request.getParameter(DownloadTickets.PARAMETER);
		if (ticket == null) {
			return unlocked(token, sessionToken, "share.download");
		}
		Visit visit = visit(token, null, "share.download");
		UUID sessionId = tickets.redeem(ticket, DownloadTickets.Holder.SHARE_SESSION, request).holderId();
		ShareSessions.Session session = sessions.findById(sessionId)
			.filter((s) -> s.subjectType().equals(SUBJECT) && s.subjectId().equals(visit.link().id()))
			.orElse(null);
		Visit ticketed = new Visit(visit.link(), visit.transfer(), session);
		if (session == null || !ticketed.unlocked()) {
			refuse("share.download", visit.link(), "invalid_session");
			throw ShareException.sessionInvalid();
		}
		requireStillRecipient(ticketed, "share.download");
		return ticketed;
	}

	/** A download ticket for the visitor's share session, for one file or the ZIP. */
	DownloadTickets.Issued ticket(String token, String sessionToken, String fileId) {
		Visit visit = unlocked(token, sessionToken, "share.download_ticket");
		if (visit.session() == null) {
			refuse("share.download_ticket", visit.link(), "no_session");
			throw ShareException.invalid("This link is open: download from its URL without a ticket.");
		}
		String path = "/api/v1/share/" + token + "/download";
		if (fileId != null) {
			UUID id = Ids.parse(fileId);
			if (id == null || !transfers.containsFile(visit.transfer().id(), id)) {
				refuse("share.download_ticket", visit.link(), "file_not_in_transfer");
				throw ShareException.notFound("file in this share");
			}
			path = "/api/v1/share/" + token + "/files/" + id + "/download";
		}
		return tickets.issueForShare(visit.session().id(), path);
	}

	ShareSessions.Issued unlock(String token, String password, String ip) {
		Visit visit = visit(token, null, "share.unlock");
		ShareLink link = visit.link();
		refuseIfExhausted(visit, "share.unlock");
		if (link.captcha()) {
			refuse("share.unlock", link, "captcha_required");
			throw ShareException.captchaRequired();
		}
		if (link.passwordRequired()) {
			unlock.checkPassword("share.unlock", target(link), link.passwordHash(), password, ip);
		}
		audit.record(AuditEvent.success("share.unlock")
			.object("share_link", link.id())
			.detail("transfer", visit.transfer().id())
			.detail("password", link.passwordRequired()));
		return unlock.session(target(link), null);
	}

	/**
	 * Mails a code when the address is a recipient; answers the same either way (and
	 * spends the same hashing time), so the list cannot be probed.
	 */
	String requestCode(String token, String rawEmail, String sessionToken, String ip) {
		Visit visit = visit(token, sessionToken, "share.verification_requested");
		ShareLink link = visit.link();
		requireEarlierSteps(visit, "share.verification_requested");
		String email = EmailAddresses.normalize(rawEmail,
				() -> refuse("share.verification_requested", link, "invalid_email"));
		boolean recipient = transfers.isRecipient(visit.transfer().id(), email);
		String mail = unlock.sendCode("share.verification_requested", target(link), email, recipient,
				visit.transfer().title(), transfers.recipientLocales(visit.transfer().id()).get(email), ip);
		audit.record(AuditEvent.success("share.verification_requested")
			.object("share_link", link.id())
			.detail("email", email)
			.detail("recipient", recipient));
		return mail;
	}

	ShareSessions.Issued confirmCode(String token, String rawEmail, String code, String sessionToken, String ip) {
		Visit visit = visit(token, sessionToken, "share.verification");
		ShareLink link = visit.link();
		requireEarlierSteps(visit, "share.verification");
		String email = EmailAddresses.normalize(rawEmail, () -> refuse("share.verification", link, "invalid_email"));
		boolean recipient = transfers.isRecipient(visit.transfer().id(), email);
		if (!unlock.confirmCode("share.verification", target(link), email, code, recipient, ip)) {
			audit.record(AuditEvent.failure("share.verification")
				.object("share_link", link.id())
				.detail("email", email)
				.detail("reason", "invalid_code"));
			throw ShareException.invalidCode();
		}
		transfers.markRecipients(visit.transfer().id(), "verified_at", email, clock.instant());
		audit.record(AuditEvent.success("share.verification").object("share_link", link.id()).detail("email", email));
		return unlock.session(target(link), email);
	}

	private static LinkUnlock.Target target(ShareLink link) {
		return new LinkUnlock.Target(SUBJECT, "share_link", link.id());
	}

	/**
	 * The email code comes after the proof of work and the password, on a link not used
	 * up: no code is mailed, and none is taken, before them.
	 */
	private void requireEarlierSteps(Visit visit, String action) {
		ShareLink link = visit.link();
		refuseIfExhausted(visit, action);
		if (link.captcha() && visit.session() == null) {
			refuse(action, link, "captcha_required");
			throw ShareException.captchaRequired();
		}
		if (link.passwordRequired() && visit.session() == null) {
			refuse(action, link, "locked");
			throw ShareException.locked(true, link.requireEmailVerification());
		}
	}

	/**
	 * No new session on a link whose downloads are used up: a session shows the file list
	 * and previews.
	 */
	void refuseIfExhausted(Visit visit, String action) {
		if (visit.exhausted()) {
			refuse(action, visit.link(), "exhausted");
			throw ShareException.linkExhausted();
		}
	}

	private void refuse(String action, ShareLink link, String reason) {
		audit.record(AuditEvent.failure(action).object("share_link", link.id()).detail("reason", reason));
	}

}
