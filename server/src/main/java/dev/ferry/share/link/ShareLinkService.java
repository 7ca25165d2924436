package dev.ferry.share.link;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.share.Cursor;
import dev.ferry.share.ShareException;
import dev.ferry.share.ShareUrls;
import dev.ferry.share.transfer.Owners;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferApi.ActivityView;
import dev.ferry.share.transfer.TransferApi.LinkOptions;
import dev.ferry.share.transfer.TransferApi.LinkView;
import dev.ferry.share.transfer.TransferApi.NotifyResult;
import dev.ferry.share.transfer.TransferApi;
import dev.ferry.share.transfer.TransferLinks;
import dev.ferry.share.transfer.TransferRepository;
import dev.ferry.share.transfer.TransferService;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
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

	private final TransferRepository transfers;

	private final TransferService transferService;

	private final Owners owners;

	private final ShareNotices notices;

	private final ShareUrls urls;

	private final PasswordEncoder encoder;

	private final DownloadLog log;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	ShareLinkService(ShareLinkRepository links, TransferRepository transfers, TransferService transferService,
			Owners owners, ShareNotices notices, ShareUrls urls, PasswordEncoder encoder, DownloadLog log,
			AuditLog audit, TransactionOperations transactions) {
		this.links = links;
		this.transfers = transfers;
		this.transferService = transferService;
		this.owners = owners;
		this.notices = notices;
		this.urls = urls;
		this.encoder = encoder;
		this.log = log;
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
		if (verify && transfers.recipients(transfer.id()).isEmpty()) {
			throw ShareException.invalid("Email verification needs recipients on the transfer.");
		}
		String password = options.password();
		if (password != null && (password.isEmpty() || password.length() > 1024)) {
			throw ShareException.invalid("password must have 1 to 1024 characters.");
		}
		String token = SecureTokens.generate("");
		ShareLink link = new ShareLink(UUID.randomUUID(), transfer.id(), now, expires, options.maxDownloads(), 0,
				(password != null) ? encoder.encode(password) : null, verify,
				Boolean.TRUE.equals(options.notifyOnDownload()), null);
		transactions.executeWithoutResult((status) -> {
			links.insert(link, SecureTokens.hash(token));
			audit.record(AuditEvent.success("share.created")
				.object("share_link", link.id())
				.detail("transfer", transfer.id())
				.detail("expires_at", expires.toString())
				.detail("max_downloads", options.maxDownloads())
				.detail("password", password != null)
				.detail("email_verification", verify));
		});
		return view(link, transfer, token);
	}

	@Override
	public void revoke(CurrentUser user, String transferId, String linkId) {
		Transfer transfer = owners.transfer(user, transferId, Scope.SHARE, "share.revoked");
		ShareLink link = link(transfer, linkId, "share.revoked");
		if (links.revoke(link.id(), transferService.now())) {
			audit.record(AuditEvent.success("share.revoked")
				.object("share_link", link.id())
				.detail("transfer", transfer.id()));
		}
	}

	@Override
	public List<LinkView> links(Transfer transfer) {
		return links.forTransfer(transfer.id()).stream().map((link) -> view(link, transfer, null)).toList();
	}

	/** Mails a fresh link to every recipient (in the outbox, sent in the background). */
	@Override
	public NotifyResult notify(CurrentUser user, String transferId, LinkOptions options) {
		Transfer transfer = owners.transfer(user, transferId, Scope.SHARE, "transfer.notified");
		return notify(transfer, options);
	}

	@Override
	public NotifyResult notify(Transfer transfer, LinkOptions options) {
		List<String> recipients = transferService.recipientEmails(transfer);
		if (recipients.isEmpty()) {
			throw ShareException.invalid("This transfer has no recipients to notify.");
		}
		LinkView link = create(transfer, (options != null) ? options : LinkOptions.DEFAULTS);
		Instant expires = Instant.parse(link.expiresAt());
		transactions.executeWithoutResult((status) -> {
			for (String recipient : recipients) {
				if (notices.shared(transfer, recipient, link.url(), expires)) {
					transfers.markRecipients(transfer.id(), "notified_at", recipient, transferService.now());
				}
			}
			audit.record(AuditEvent.success("transfer.notified")
				.object("transfer", transfer.id())
				.detail("share_link", link.id())
				.detail("recipients", recipients.size())
				.detail("mail", notices.status()));
		});
		return new NotifyResult(link, recipients.size(), notices.status());
	}

	@Override
	public TransferApi.Page<ActivityView> activity(CurrentUser user, String transferId, String cursor, Integer limit) {
		Transfer transfer = owners.transfer(user, transferId, Scope.READ, "transfer.activity");
		int size = Cursor.limit(limit);
		List<DownloadLog.Activity> rows = log.page(transfer.id(), Cursor.decode(cursor), size);
		boolean more = rows.size() > size;
		List<DownloadLog.Activity> page = more ? rows.subList(0, size) : rows;
		Map<String, String> names = new HashMap<>();
		transferService.files(transfer).forEach((f) -> names.put(f.id(), f.name()));
		List<ActivityView> items = page.stream()
			.map((a) -> new ActivityView(a.id().toString(), a.linkId().toString(),
					(a.fileId() != null) ? a.fileId().toString() : null,
					(a.fileId() != null) ? names.get(a.fileId().toString()) : null, a.kind(), a.email(), a.ip(),
					a.userAgent(), a.bytes(), a.completed(), iso(a.startedAt()), iso(a.finishedAt())))
			.toList();
		audit.record(AuditEvent.success("transfer.activity").object("transfer", transfer.id()));
		String next = more ? Cursor.after(page.get(size - 1).startedAt(), page.get(size - 1).id()).encode() : null;
		return new TransferApi.Page<>(items, next);
	}

	@Override
	public String mailStatus() {
		return notices.status();
	}

	private ShareLink link(Transfer transfer, String linkId, String action) {
		UUID id = Owners.parse(linkId);
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
				link.requireEmailVerification(), link.notifyOnDownload(), iso(link.revokedAt()));
	}

}
