package dev.ferry.share.link;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.files.FileContent.Bodiless;
import dev.ferry.files.FileContent.DownloadHooks;
import dev.ferry.share.ShareException;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferRepository;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Counts, logs and audits one share download around its body: the link's download count
 * (a resumed range of a counted download is not counted again), the download log, the
 * recipient's and the transfer's first download, and the sender's notices.
 */
@Component
class DownloadCounter {

	private final TransferRepository transfers;

	private final ShareLinkRepository links;

	private final DownloadLog log;

	private final ShareNotices notices;

	private final TransactionOperations transactions;

	private final AuditLog audit;

	private final Clock clock;

	DownloadCounter(TransferRepository transfers, ShareLinkRepository links, DownloadLog log, ShareNotices notices,
			TransactionOperations transactions, AuditLog audit, Clock clock) {
		this.transfers = transfers;
		this.links = links;
		this.log = log;
		this.notices = notices;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Hooks for one download of {@code file} or, without one, the ZIP. A session resumes
	 * only a download of the same content: once the file has a new version, a range of it
	 * is a new download.
	 */
	DownloadHooks track(Visit visit, StoredFile file, HttpServletRequest request) {
		return new Tracker(visit, file, request);
	}

	/** The link's downloads are used up: refused (410), audited. */
	void refuseExhausted(Visit visit) {
		refused(visit, "exhausted");
		throw ShareException.linkExhausted();
	}

	/** Records a download of the share refused, with why. */
	void refused(Visit visit, String reason) {
		audit.record(
				AuditEvent.failure("share.download").object("share_link", visit.link().id()).detail("reason", reason));
	}

	/**
	 * An answer without a body for a file or, without one, the ZIP: never counted or
	 * logged as a download, but audited ({@link Bodiless#event}).
	 */
	void answered(Visit visit, UUID fileId, AuditEvent event) {
		audit.record(event.object("share_link", visit.link().id())
			.detail("transfer", visit.transfer().id())
			.detail("file", fileId)
			.detail("kind", (fileId != null) ? "file" : "zip"));
	}

	/**
	 * The file's id and the first 16 hex digits of its content's SHA-256 (the claim's
	 * column holds 64 characters).
	 */
	private static String claimed(StoredFile file) {
		String sha256 = file.sha256();
		return (sha256 != null) ? file.id() + ":" + sha256.substring(0, Math.min(16, sha256.length()))
				: file.id().toString();
	}

	private final class Tracker implements DownloadHooks {

		private final Visit visit;

		private final UUID fileId;

		/**
		 * What a session's counted download is claimed under: the file and its content.
		 */
		private final String item;

		private final String ip;

		private final String userAgent;

		private UUID logId;

		private boolean resumable;

		private boolean counted;

		private long start;

		private long end;

		Tracker(Visit visit, StoredFile file, HttpServletRequest request) {
			this.visit = visit;
			this.fileId = (file != null) ? file.id() : null;
			this.item = (file != null) ? claimed(file) : null;
			this.ip = request.getRemoteAddr();
			this.userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		}

		private String kind() {
			return (fileId != null) ? "file" : "zip";
		}

		@Override
		public void beforeBody(long start, long endExclusive, boolean partial) {
			Boolean allowed = transactions.execute((status) -> {
				Instant now = clock.instant();
				ShareSessions.Session session = visit.session();
				resumable = session != null && fileId != null;
				boolean fresh = !(resumable && partial && links.resume(session.id(), item, start, endExclusive));
				if (fresh && !links.countDownload(visit.link().id())) {
					status.setRollbackOnly();
					return false;
				}
				if (fresh && resumable) {
					links.claim(session.id(), item, endExclusive, now);
				}
				this.start = start;
				this.end = endExclusive;
				logId = log.started(new DownloadLog.Entry(visit.link().id(), visit.transfer().id(), fileId, kind(),
						visit.email(), ip, userAgent, now));
				if (fresh) {
					counted(now);
				}
				counted = fresh;
				audit.record(AuditEvent.success("share.download_started")
					.object("share_link", visit.link().id())
					.detail("transfer", visit.transfer().id())
					.detail("file", fileId)
					.detail("kind", kind())
					.detail("email", visit.email())
					.detail("range", partial ? "bytes=" + start + "-" + (endExclusive - 1) : "full")
					.detail("counted", fresh));
				return true;
			});
			if (!Boolean.TRUE.equals(allowed)) {
				refuseExhausted(visit);
			}
		}

		@Override
		public void withoutBody(Bodiless answer) {
			answered(visit, fileId, answer.event("share"));
		}

		private void counted(Instant now) {
			Transfer transfer = visit.transfer();
			String who = (visit.email() != null) ? visit.email() : "a visitor from " + ip;
			if (visit.email() != null) {
				transfers.markRecipients(transfer.id(), "downloaded_at", visit.email(), now);
			}
			if (transfers.markFirstDownload(transfer.id(), now) && transfer.notifySender()) {
				notices.firstDownload(transfer, who, now);
			}
			if (visit.link().notifyOnDownload()) {
				notices.downloaded(transfer, who, (fileId != null) ? "a file" : "all files (ZIP)", now);
			}
		}

		@Override
		public void afterBody(long bytesServed, boolean completed) {
			if (logId == null) {
				return;
			}
			log.finished(logId, bytesServed, completed, clock.instant());
			if (resumable && !completed) {
				links.giveBack(visit.session().id(), item, end, start + bytesServed);
			}
			// Nothing reached the client (the store failed before the first byte, or the
			// client left first): a limited link must not lose a download to that.
			boolean givenBack = counted && !completed && bytesServed == 0;
			if (givenBack) {
				links.uncountDownload(visit.link().id());
			}
			AuditEvent event = completed ? AuditEvent.success("share.download_completed")
					: AuditEvent.failure("share.download_completed");
			audit.record(event.object("share_link", visit.link().id())
				.detail("transfer", visit.transfer().id())
				.detail("file", fileId)
				.detail("kind", kind())
				.detail("bytes", bytesServed)
				.detail("completed", completed)
				.detail("given_back", givenBack));
			if (completed) {
				notices.downloadCompleted(visit.transfer(), visit.link().id(), fileId, visit.email(), bytesServed);
			}
		}

	}

}
