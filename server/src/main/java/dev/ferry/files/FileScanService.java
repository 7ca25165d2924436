package dev.ferry.files;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.storage.BlobStorage;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** {@link FileScans} over the scan columns of {@code files} and the blob store. */
@Service
class FileScanService implements FileScans {

	private final FileScanRepository scans;

	private final BlobStorage storage;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final ApplicationEventPublisher events;

	FileScanService(FileScanRepository scans, BlobStorage storage, AuditLog audit, TransactionOperations transactions,
			ApplicationEventPublisher events) {
		this.events = events;
		this.scans = scans;
		this.storage = storage;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public Optional<ScanJob> pending(UUID fileId, UUID blobId) {
		return scans.pending(fileId, blobId);
	}

	@Override
	public List<ScanJob> pending() {
		return scans.pending();
	}

	@Override
	public InputStream open(ScanJob job) {
		return storage.openRange(job.blobId(), 0, job.size());
	}

	/**
	 * An infected file is audited as {@code file.infected}, a failure event the admin
	 * activity view and alerts show, naming the owner and the signature.
	 */
	@Override
	public boolean settle(ScanJob job, ScanStatus status, String signature) {
		return Boolean.TRUE.equals(transactions.execute((tx) -> {
			if (!scans.settle(job.fileId(), job.blobId(), status, signature)) {
				return false;
			}
			AuditEvent event = switch (status) {
				case INFECTED -> AuditEvent.failure("file.infected").detail("signature", signature);
				case ERROR -> AuditEvent.failure("file.scanned").detail("reason", "scanner_unavailable");
				default -> AuditEvent.success("file.scanned");
			};
			audit.record(event.object("file", job.fileId())
				.detail("owner", job.ownerId().toString())
				.detail("path", job.path())
				.detail("scan_status", status.value()));
			events.publishEvent(new FileScanned(job.fileId(), job.ownerId(), job.path(), status.value(), signature));
			return true;
		}));
	}

	@Override
	public void attemptFailed(ScanJob job) {
		scans.attemptFailed(job.fileId());
	}

}
