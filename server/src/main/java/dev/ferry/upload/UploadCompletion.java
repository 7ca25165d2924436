package dev.ferry.upload;

import java.time.Instant;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog;
import dev.ferry.files.FileCatalog.Conflict;
import dev.ferry.files.FileCatalog.NewFile;
import dev.ferry.files.FileCatalog.StoredFile;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an upload whose last byte arrived into a file. Idempotent: whichever request
 * (PATCH, or a later HEAD after a failure) gets here first registers the file, using the
 * upload's id as the file's id; the others find it completed. An upload gate first looks
 * at the content ({@link ContentInspection}).
 */
@Component
class UploadCompletion {

	/** The tus metadata key that chooses what an arrival at a taken path does. */
	static final String ON_CONFLICT = "on_conflict";

	private final UploadRepository repository;

	private final FileCatalog catalog;

	private final UploadDigests digests;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final ContentInspection inspection;

	UploadCompletion(UploadRepository repository, FileCatalog catalog, UploadDigests digests, AuditLog audit,
			TransactionTemplate transaction, ApplicationEventPublisher events, ContentInspection inspection) {
		this.events = events;
		this.inspection = inspection;
		this.repository = repository;
		this.catalog = catalog;
		this.digests = digests;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** Registers the file of {@code upload}, whose digest state is remembered. */
	Upload complete(CurrentUser user, Upload upload, Instant now) {
		inspection.inspect(upload);
		String sha256 = digests.finish(upload, digests.resume(upload));
		try {
			Upload completed = transaction.execute((status) -> register(user, upload, sha256, now));
			digests.forget(upload.id());
			return completed;
		}
		catch (ProblemException ex) {
			audit.record(AuditEvent.failure("upload.failed")
				.object("upload", upload.id())
				.detail("reason", "file-registration")
				.detail("problem", ex.getBody().getType().toString()));
			throw ex;
		}
	}

	private Upload register(CurrentUser user, Upload upload, String sha256, Instant now) {
		if (!repository.complete(upload.id(), sha256, now)) {
			return repository.find(upload.id()).orElseThrow(UploadException::notFound);
		}
		StoredFile file = catalog.add(user, new NewFile(upload.id(), upload.placement(), upload.declaredType(),
				upload.blobId(), upload.length(), sha256, Conflict.parse(upload.metadata().first(ON_CONFLICT))));
		audit.record(AuditEvent.success("upload.completed")
			.object("upload", upload.id())
			.detail("file", file.id())
			.detail("folder", file.folder())
			.detail("name", file.name())
			.detail("size", file.size())
			.detail("sha256", sha256));
		repository.linkFile(upload.id(), file.id());
		events.publishEvent(new UploadCompleted(upload.id(), file.id(), upload.ownerId(), file.folder(), file.name(),
				file.size(), sha256));
		return upload.completed(sha256, now, file.id());
	}

}
