package dev.ferry.upload;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog.Conflict;
import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.storage.BlobStorage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Starts an upload: where its file goes, the rules it must meet, the quota it reserves,
 * an empty blob, and the row. Through an upload gate the file goes to the pass's folder,
 * and its length must be known up front so the gate can hold it to its limits.
 */
@Component
class UploadStarter {

	private final UploadAccess access;

	private final UploadPolicy policy;

	private final UploadFailures failures;

	private final BlobStorage blobs;

	private final ObjectProvider<UploadGate> gate;

	private final UploadRepository repository;

	private final AuditLog audit;

	UploadStarter(UploadAccess access, UploadPolicy policy, UploadFailures failures, BlobStorage blobs,
			ObjectProvider<UploadGate> gate, UploadRepository repository, AuditLog audit) {
		this.access = access;
		this.policy = policy;
		this.failures = failures;
		this.blobs = blobs;
		this.gate = gate;
		this.repository = repository;
		this.audit = audit;
	}

	/** The new upload, audited as started, and when it started. */
	Started start(Uploader uploader, Long length, UploadMetadata sent) {
		CurrentUser user = uploader.user();
		UploadMetadata metadata = conflictRule(uploader, sent);
		access.requireWrite(user, "upload.create");
		Placement placement = failures.failing(null,
				() -> policy.placement(user, metadata, uploader.isGuest() ? uploader.pass().folder() : null));
		if (length == null && uploader.isGuest()) {
			throw UploadException.badRequest("upload-length-required", "Upload-Length required",
					"Uploads through an upload request must send Upload-Length.");
		}
		failures.checking(null, () -> policy.checkRules(user, placement, length));
		Instant now = policy.now();
		UUID id = UUID.randomUUID();
		if (length != null) {
			failures.failing(null, () -> policy.reserve(user, id, length, policy.expiresAt(now)));
		}
		String declaredType = metadata.first("filetype", "type");
		Upload upload;
		UUID blob = null;
		try {
			// Admitted first: a refusal leaves no blob (with its wrapped key) behind.
			if (uploader.isGuest()) {
				gate.getObject().admit(uploader.pass(), id, placement.name(), length, declaredType);
			}
			blob = blobs.create(declaredType);
			upload = new Upload(id, user.userId(), blob, length, 0, metadata, placement, declaredType, null,
					Upload.Status.ACTIVE, now, policy.expiresAt(now), null, null);
			repository.insert(upload);
		}
		catch (RuntimeException ex) {
			policy.release(id);
			if (uploader.isGuest()) {
				gate.getObject().release(id);
			}
			if (blob != null) {
				blobs.destroy(blob);
			}
			throw ex;
		}
		audit.record(AuditEvent.success("upload.started")
			.object("upload", upload.id())
			.detail("folder", placement.folder())
			.detail("name", placement.name())
			.detail("length", length));
		return new Started(upload, now);
	}

	record Started(Upload upload, Instant now) {
	}

	/**
	 * Someone uploading through an upload request never makes a new version of the
	 * owner's file: their arrivals always get a free name. Others may choose, and a bad
	 * choice is refused before a byte arrives.
	 */
	private static UploadMetadata conflictRule(Uploader uploader, UploadMetadata sent) {
		if (!uploader.isGuest()) {
			Conflict.parse(sent.first(UploadCompletion.ON_CONFLICT));
			return sent;
		}
		Map<String, String> values = new HashMap<>(sent.values());
		values.put(UploadCompletion.ON_CONFLICT, "rename");
		return new UploadMetadata(values);
	}

}
