package dev.ferry.share.link;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FileContent;
import dev.ferry.share.transfer.Transfer;
import dev.ferry.share.transfer.TransferRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Ends what is over. Links already stop at expiry (every access checks the time); this
 * job records the expiry (audited, "expired unopened" notice to the sender), then purges
 * the files of ended transfers that were marked {@code delete_files_on_expiry}: files
 * uploaded just for the transfer. A file still sent by another live transfer is kept.
 * Files picked from the library (the default) always stay. Safe on several nodes: each
 * step is a conditional update, and purging an already purged file does nothing.
 */
@Component
public class ShareSweeper {

	private static final Logger log = LoggerFactory.getLogger(ShareSweeper.class);

	private static final int BATCH = 100;

	private final TransferRepository transfers;

	private final FileContent files;

	private final ShareNotices notices;

	private final LinkUnlock unlock;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	ShareSweeper(TransferRepository transfers, FileContent files, ShareNotices notices, LinkUnlock unlock,
			AuditLog audit, TransactionOperations transactions, Clock clock) {
		this.transfers = transfers;
		this.files = files;
		this.notices = notices;
		this.unlock = unlock;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	public void sweep() {
		Instant now = clock.instant();
		for (Transfer transfer : transfers.dueToExpire(now, BATCH)) {
			expire(transfer, now);
		}
		for (Transfer transfer : transfers.duePurge(BATCH)) {
			purge(transfer, now);
		}
		unlock.deleteExpired(now);
	}

	private void expire(Transfer transfer, Instant now) {
		transactions.executeWithoutResult((status) -> {
			if (!transfers.markExpired(transfer.id(), now)) {
				return;
			}
			boolean unopened = transfer.firstDownloadAt() == null;
			audit.record(AuditEvent.success("transfer.expired")
				.object("transfer", transfer.id())
				.detail("expires_at", transfer.expiresAt().toString())
				.detail("unopened", unopened));
			if (unopened && transfer.notifySender()) {
				notices.expiredUnopened(transfer);
			}
			notices.expired(transfer, unopened);
		});
	}

	/**
	 * Purges the file unless a live transfer sends it (another, or this one reopened by
	 * its owner since the sweep began). The file's row is locked before the look, as a
	 * transfer being created or changed locks it first: one committed meanwhile is either
	 * seen here or finds the file gone.
	 */
	private FileOutcome purgeUnlessSent(Transfer transfer, UUID fileId, Instant now) {
		return transactions.execute((status) -> {
			if (!files.lock(transfer.ownerId(), fileId)) {
				return FileOutcome.GONE;
			}
			if (transfers.inLiveTransfer(fileId, now)) {
				return FileOutcome.KEPT;
			}
			return files.purge(transfer.ownerId(), fileId, "transfer_ended") ? FileOutcome.PURGED : FileOutcome.GONE;
		});
	}

	private enum FileOutcome {

		PURGED, KEPT, GONE

	}

	private void purge(Transfer transfer, Instant now) {
		int deleted = 0;
		int kept = 0;
		if (transfer.deleteFilesOnExpiry()) {
			for (UUID fileId : transfers.fileIds(transfer.id())) {
				switch (purgeUnlessSent(transfer, fileId, now)) {
					case KEPT -> kept++;
					case PURGED -> deleted++;
					case GONE -> {
					}
				}
			}
		}
		int deletedFiles = deleted;
		int keptFiles = kept;
		transactions.executeWithoutResult((status) -> {
			if (transfers.markPurged(transfer.id(), now)) {
				files.unpin(transfer.id());
				audit.record(AuditEvent.success("transfer.purged")
					.object("transfer", transfer.id())
					.detail("files_deleted", deletedFiles)
					.detail("files_kept", keptFiles)
					.detail("delete_files_on_expiry", transfer.deleteFilesOnExpiry()));
			}
		});
		if (deletedFiles > 0) {
			log.info("Transfer {} ended: {} files purged, {} kept for other transfers", transfer.id(), deletedFiles,
					keptFiles);
		}
	}

}
