package dev.ferry.upload;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.files.FileCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Lets the upload gate, when there is one, look at a finished upload's content before it
 * becomes a file; what it refuses is deleted, bytes and all, and audited.
 */
@Component
class ContentInspection {

	private final ObjectProvider<UploadGate> gate;

	private final FileCatalog catalog;

	private final UploadRemoval removal;

	private final AuditLog audit;

	ContentInspection(ObjectProvider<UploadGate> gate, FileCatalog catalog, UploadRemoval removal, AuditLog audit) {
		this.gate = gate;
		this.catalog = catalog;
		this.removal = removal;
		this.audit = audit;
	}

	void inspect(Upload upload) {
		UploadGate resolved = this.gate.getIfAvailable();
		if (resolved == null) {
			return;
		}
		String name = upload.placement().name();
		try {
			resolved.inspect(upload.id(), name, () -> this.catalog.contentType(upload.blobId(), upload.length()));
		}
		catch (ProblemException ex) {
			this.removal.discard(upload);
			this.audit.record(AuditEvent.failure("upload.failed")
				.object("upload", upload.id())
				.detail("reason", "content-refused")
				.detail("problem", ex.getBody().getType().toString()));
			throw ex;
		}
	}

}
