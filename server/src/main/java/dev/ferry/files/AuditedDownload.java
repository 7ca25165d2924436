package dev.ferry.files;

import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FileContent.Bodiless;
import dev.ferry.files.FileContent.DownloadHooks;

/**
 * Audits one owner's download of a file (or of one of its versions): the range asked for
 * and the bytes that went out once the body ended, or the answer that carried no body (a
 * HEAD, a 304, a 416), so that every request for the content leaves a record.
 */
final class AuditedDownload implements DownloadHooks {

	private final AuditLog audit;

	private final UUID fileId;

	private final Integer version;

	private String range = "full";

	/** {@code version} is null for the file's current content. */
	AuditedDownload(AuditLog audit, UUID fileId, Integer version) {
		this.audit = audit;
		this.fileId = fileId;
		this.version = version;
	}

	@Override
	public void beforeBody(long start, long endExclusive, boolean partial) {
		range = partial ? "bytes=" + start + "-" + (endExclusive - 1) : "full";
	}

	@Override
	public void afterBody(long bytesServed, boolean completed) {
		AuditEvent event = completed ? AuditEvent.success("file.download") : AuditEvent.failure("file.download");
		audit.record(about(event).detail("range", range).detail("bytes", bytesServed).detail("completed", completed));
	}

	@Override
	public void withoutBody(Bodiless answer) {
		audit.record(about(answer.event("file")));
	}

	private AuditEvent about(AuditEvent event) {
		return event.object("file", fileId).detail("version", version);
	}

}
