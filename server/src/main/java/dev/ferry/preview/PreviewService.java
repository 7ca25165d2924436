package dev.ferry.preview;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileSources;
import dev.ferry.files.FileSources.Source;
import dev.ferry.preview.PreviewRepository.Preview;

import org.springframework.stereotype.Service;

/**
 * Who may see a preview: exactly who may download the file (the files module decides and
 * audits refusals), audited as {@code file.preview} either way.
 */
@Service
class PreviewService {

	private final FileSources files;

	private final PreviewRepository previews;

	private final AuditLog audit;

	PreviewService(FileSources files, PreviewRepository previews, AuditLog audit) {
		this.files = files;
		this.previews = previews;
		this.audit = audit;
	}

	Shown find(CurrentUser user, String id) {
		Source file = files.readable(user, id, "file.preview");
		Preview preview = previews.find(file.fileId()).orElse(null);
		if (preview == null || !preview.isReady()) {
			String status = (preview != null) ? preview.status() : "none";
			String reason = (preview != null) ? preview.reason() : null;
			audit.record(AuditEvent.failure("file.preview")
				.object("file", file.fileId())
				.detail("reason", "no_preview")
				.detail("preview_status", status));
			throw PreviewException.notFound(status, reason);
		}
		audit.record(AuditEvent.success("file.preview").object("file", file.fileId()));
		return new Shown(file, preview);
	}

	record Shown(Source file, Preview preview) {
	}

}
