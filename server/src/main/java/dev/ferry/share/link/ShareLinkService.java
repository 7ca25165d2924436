package dev.ferry.share.link;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.protect.AccessRules;
import dev.ferry.share.ShareException;
import dev.ferry.share.ShareUrls;
import dev.ferry.share.transfer.Owners;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferApi.LinkOptions;
import dev.ferry.share.transfer.TransferApi.LinkView;
import dev.ferry.share.transfer.TransferLinks;
import dev.ferry.share.transfer.TransferService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import static dev.ferry.share.transfer.TransferApi.iso;

/**
 * Share links of a transfer (several per transfer, each with its own expiry, download
 * limit, password and verification), recipient notification and download activity. A
 * link's token is shown once, at creation; only its SHA-256 is stored.
 */
@Service
class ShareLinkService implements TransferLinks {

	private final ShareLinkRepository links;

	private final TransferService transferService;

	private final Owners owners;

	private final ShareUrls urls;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final LinkSettings settings;

	ShareLinkService(ShareLinkRepository links, TransferService transferService, Owners owners, ShareUrls urls,
			LinkSettings settings, AuditLog audit, TransactionOperations transactions) {
		this.settings = settings;
		this.links = links;
		this.transferService = transferService;
		this.owners = owners;
		this.urls = urls;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public LinkView create(CurrentUser user, String transferId, LinkOptions options) {
		Transfer transfer = owners.transfer(user, transferId, Scope.SHARE, "share.created");
		return create(transfer, (options != null) ? options : LinkOptions.DEFAULTS);
	}

	/** Used by transfer creation too, when recipients are notified right away. */
	@Override
	public LinkView create(Transfer transfer, LinkOptions options) {
		Instant now = transferService.now();
		if (!transfer.isLive(now)) {
			throw ShareException.conflict("This transfer has ended; extend or recreate it first.");
		}
		Instant expires = (options.expiresAt() != null) ? transferService.expiry(options.expiresAt(), now)
				: transfer.expiresAt();
		if (expires.isAfter(transfer.expiresAt())) {
			throw ShareException.invalid("A link cannot outlive its transfer (" + transfer.expiresAt() + ").");
		}
		if (options.maxDownloads() != null && options.maxDownloads() < 1) {
			throw ShareException.invalid("max_downloads must be at least 1.");
		}
		boolean verify = Boolean.TRUE.equals(options.requireEmailVerification());
		if (verify && transferService.recipientEmails(transfer).isEmpty()) {
			throw ShareException.invalid("Email verification needs recipients on the transfer.");
		}
		String password = options.password();
		String passwordHash = settings.passwordHash(password);
		AccessRules access = settings.access(options);
		boolean watermark = settings.watermark(options, transfer.id());
		boolean previews = settings.previews(options.showPreviews(), watermark, transfer.id());
		settings.ensurePublicSharingAllowed(transfer.id(), transferService.files(transfer));
		String token = SecureTokens.generate("");
		ShareLink link = new ShareLink(UUID.randomUUID(), transfer.id(), now, expires, options.maxDownloads(), 0,
				passwordHash, verify, Boolean.TRUE.equals(options.notifyOnDownload()), null, access,
				settings.captcha(options));
		transactions.executeWithoutResult((status) -> {
			links.insert(link, SecureTokens.hash(token));
			settings.bindToFirstDevice(link.id(), options);
			if (watermark) {
				settings.markWatermark(link.id());
			}
			settings.showPreviews(link.id(), previews);
			audit.record(LinkSettings.withRules(AuditEvent.success("share.created")
				.object("share_link", link.id())
				.detail("transfer", transfer.id())
				.detail("expires_at", expires.toString())
				.detail("max_downloads", options.maxDownloads())
				.detail("password", password != null)
				.detail("email_verification", verify)
				.detail("bind_to_first_device", Boolean.TRUE.equals(options.bindToFirstDevice()))
				.detail("captcha", link.captcha())
				.detail("watermark", watermark)
				.detail("show_previews", previews), access));
		});
		return view(link, transfer, token);
	}

	@Override
	@Transactional(noRollbackFor = ProblemException.class)
	public void revoke(CurrentUser user, String transferId, String linkId) {
		Transfer transfer = owners.transfer(user, transferId, Scope.SHARE, "share.revoked");
		ShareLink link = link(transfer, linkId, "share.revoked");
		if (links.revoke(link.id(), transferService.now())) {
			audit.record(AuditEvent.success("share.revoked")
				.object("share_link", link.id())
				.detail("transfer", transfer.id()));
		}
	}

	/**
	 * Replaces the lists of the link's access rules that {@code change} names and turns
	 * its previews on or off when it says so.
	 */
	LinkView update(CurrentUser user, String transferId, String linkId, LinkChange change) {
		Transfer transfer = owners.transfer(user, transferId, Scope.SHARE, "share.updated");
		ShareLink link = link(transfer, linkId, "share.updated");
		if (change == null || change.changesNothing()) {
			throw ShareException.invalid("Send at least one of allowed_ips, allowed_countries, denied_countries "
					+ "(an empty list clears it) and show_previews.");
		}
		AccessRules access = change.access().changesNothing() ? link.access()
				: settings.access(link.access(), change.access());
		Boolean previews = (change.showPreviews() != null)
				? settings.previews(change.showPreviews(), settings.watermarked(link.id()), transfer.id()) : null;
		transactions.executeWithoutResult((status) -> {
			links.updateAccess(link.id(), access);
			if (previews != null) {
				settings.showPreviews(link.id(), previews);
			}
			audit.record(LinkSettings.withRules(AuditEvent.success("share.updated")
				.object("share_link", link.id())
				.detail("transfer", transfer.id())
				.detail("show_previews", previews), access));
		});
		return view(links.find(link.id()).orElseThrow(), transfer, null);
	}

	@Override
	public List<LinkView> links(Transfer transfer) {
		return links.forTransfer(transfer.id()).stream().map((link) -> view(link, transfer, null)).toList();
	}

	private ShareLink link(Transfer transfer, String linkId, String action) {
		UUID id = Ids.parse(linkId);
		ShareLink link = (id != null) ? links.find(id).filter((l) -> l.transferId().equals(transfer.id())).orElse(null)
				: null;
		if (link == null) {
			audit.record(AuditEvent.denied(action)
				.object("share_link", Owners.truncate(linkId))
				.detail("reason", "not_found"));
			throw ShareException.notFound("share link");
		}
		return link;
	}

	private LinkView view(ShareLink link, Transfer transfer, String token) {
		return new LinkView(link.id().toString(), token, (token != null) ? urls.link(token) : null,
				link.state(transfer, transferService.now()), iso(link.createdAt()), iso(link.expiresAt()),
				link.maxDownloads(), link.downloads(), link.downloadsLeft(), link.passwordRequired(),
				link.requireEmailVerification(), link.notifyOnDownload(), iso(link.revokedAt()),
				link.access().allowedIps(), link.access().allowedCountries(), link.access().deniedCountries(),
				settings.bindsFirstDevice(link.id()), link.captcha(), settings.watermarked(link.id()),
				settings.showsPreviews(link.id()));
	}

}
