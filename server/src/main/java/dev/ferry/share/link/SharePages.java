package dev.ferry.share.link;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.EncryptedTransfers;
import dev.ferry.share.transfer.Transfer;

import org.springframework.stereotype.Component;

/**
 * What a link's public page shows: title and sender always; message, files (with whether
 * each has a preview to show, where the owner chose previews) and the E2E manifest only
 * once unlocked. Audited as {@code share.view}.
 */
@Component
class SharePages {

	private final PublicShares shares;

	private final ShareDownloads downloads;

	private final SharePreviews previews;

	private final ShareNotices notices;

	private final EncryptedTransfers encrypted;

	private final AuditLog audit;

	SharePages(PublicShares shares, ShareDownloads downloads, SharePreviews previews, ShareNotices notices,
			EncryptedTransfers encrypted, AuditLog audit) {
		this.shares = shares;
		this.downloads = downloads;
		this.previews = previews;
		this.notices = notices;
		this.encrypted = encrypted;
		this.audit = audit;
	}

	ShareInfo info(String token, String session) {
		Visit visit = shares.visit(token, session, "share.view");
		ShareLink link = visit.link();
		if (visit.exhausted()) {
			audit
				.record(AuditEvent.failure("share.view").object("share_link", link.id()).detail("reason", "exhausted"));
			throw ShareException.linkExhausted();
		}
		Transfer transfer = visit.transfer();
		// A recipient the owner removed sees the page as a stranger does: locked.
		boolean unlocked = visit.unlocked() && shares.stillRecipient(visit, "share.view");
		Optional<EncryptedTransfers.Encryption> encryption = encrypted.find(transfer.id());
		boolean showsPreviews = unlocked && previews.shown(visit);
		List<ShareInfo.FileItem> items = unlocked ? downloads.files(transfer)
			.stream()
			.map((served) -> new ShareInfo.FileItem(served.file().id().toString(), served.file().name(),
					served.file().size(), served.file().contentType(), encryption.isPresent(), served.version(),
					showsPreviews && previews.available(visit, served.file(), served.version())))
			.toList() : List.of();
		Instant expires = link.expiresAt().isBefore(transfer.expiresAt()) ? link.expiresAt() : transfer.expiresAt();
		audit.record(AuditEvent.success("share.view").object("share_link", link.id()).detail("unlocked", unlocked));
		return new ShareInfo(transfer.title(), unlocked ? transfer.message() : null, notices.senderName(transfer),
				notices.senderEmail(transfer), items, items.stream().mapToLong(ShareInfo.FileItem::size).sum(),
				expires.toString(), link.downloadsLeft(), link.passwordRequired(), link.requireEmailVerification(),
				unlocked, visit.email(), encryption.isPresent(),
				unlocked ? encryption.map(EncryptedTransfers.Encryption::manifest).orElse(null) : null, link.captcha());
	}

}
