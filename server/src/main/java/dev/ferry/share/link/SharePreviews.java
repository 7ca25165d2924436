package dev.ferry.share.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.Ids;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent;
import dev.ferry.preview.PreviewImages;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.TransferRepository;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Previews on the public share page, for links whose owner chose {@code show_previews}:
 * the same unlock, expiry, revocation and network checks as a download, audited as
 * {@code share.preview}, but never counted as one. Never for an end-to-end encrypted
 * transfer (no preview exists) nor a watermarked link (the preview shows the unstamped
 * content); a link pinned to an older version shows none, since previews show the latest
 * content. Not cached, so a revoked link stops showing them at once.
 */
@Component
class SharePreviews {

	static final String ACTION = "share.preview";

	private final PublicShares shares;

	private final TransferRepository transfers;

	private final FileContent content;

	private final LinkContentOptions options;

	private final PreviewImages images;

	private final AuditLog audit;

	SharePreviews(PublicShares shares, TransferRepository transfers, FileContent content, LinkContentOptions options,
			PreviewImages images, AuditLog audit) {
		this.shares = shares;
		this.transfers = transfers;
		this.content = content;
		this.options = options;
		this.images = images;
		this.audit = audit;
	}

	/** Whether the link shows previews at all (as chosen, not E2E, not watermarked). */
	boolean shown(Visit visit) {
		return options.previewsVisible(visit.link().id(), visit.transfer().id());
	}

	/** Whether a visitor of a link that shows previews sees one for this file now. */
	boolean available(Visit visit, StoredFile file, Integer version) {
		return latest(visit, file, version) && images.find(file.id()).isPresent();
	}

	void serve(String token, String session, String fileId, HttpServletResponse response) throws IOException {
		Visit visit = shares.unlocked(token, session, ACTION);
		if (visit.exhausted()) {
			refuse(visit, null, "exhausted");
			throw ShareException.linkExhausted();
		}
		if (!shown(visit)) {
			refuse(visit, null, "previews_off");
			throw ShareException.previewNotFound("This link does not show previews.");
		}
		UUID id = Ids.parse(fileId);
		Optional<TransferRepository.Entry> entry = (id != null) ? transfers.file(visit.transfer().id(), id)
				: Optional.empty();
		UUID owner = visit.transfer().ownerId();
		StoredFile file = entry.flatMap((e) -> content.find(owner, e.fileId(), e.version())).orElse(null);
		if (file == null) {
			refuse(visit, null, "file_not_in_transfer");
			throw ShareException.notFound("file in this share");
		}
		Integer version = entry.get().version();
		if (!latest(visit, file, version)) {
			refuse(visit, id, "pinned_version");
			throw ShareException
				.previewNotFound("This link shares an earlier version of the file, which has no " + "preview.");
		}
		content.requireServable(owner, id, version);
		PreviewImages.Image image = images.find(id).orElse(null);
		if (image == null) {
			refuse(visit, id, "no_preview");
			throw ShareException.previewNotFound("This file has no preview (yet).");
		}
		audit.record(AuditEvent.success(ACTION)
			.object("share_link", visit.link().id())
			.detail("transfer", visit.transfer().id())
			.detail("file", id));
		response.setContentType(image.contentType());
		response.setContentLengthLong(image.size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		try (InputStream in = image.open(); OutputStream out = response.getOutputStream()) {
			in.transferTo(out);
		}
	}

	/**
	 * Previews are made of a file's latest content: a link pinned to another version must
	 * not show it.
	 */
	private boolean latest(Visit visit, StoredFile file, Integer version) {
		if (version == null) {
			return true;
		}
		return content.find(visit.transfer().ownerId(), file.id())
			.map((current) -> current.sha256().equals(file.sha256()))
			.orElse(false);
	}

	private void refuse(Visit visit, UUID fileId, String reason) {
		audit.record(AuditEvent.failure(ACTION)
			.object("share_link", visit.link().id())
			.detail("file", fileId)
			.detail("reason", reason));
	}

}
