package dev.ferry.upload;

import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may touch an upload: its owner, signed in with the write scope (a guest only
 * through the pass that covers it); to everyone else it does not exist.
 */
@Component
class UploadAccess {

	private static final Logger log = LoggerFactory.getLogger(UploadAccess.class);

	private final UploadRepository repository;

	private final BlobStorage blobs;

	private final UploadPolicy policy;

	private final ObjectProvider<UploadGate> gate;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final UploadLocks locks;

	UploadAccess(UploadRepository repository, BlobStorage blobs, UploadPolicy policy, ObjectProvider<UploadGate> gate,
			AccessPolicy access, AuditLog audit, UploadLocks locks) {
		this.repository = repository;
		this.blobs = blobs;
		this.policy = policy;
		this.gate = gate;
		this.access = access;
		this.audit = audit;
		this.locks = locks;
	}

	void requireWrite(CurrentUser user, String action) {
		this.access.requireScope(user, Scope.WRITE, action);
	}

	/**
	 * Runs {@code work} once no other request of the upload is in flight on this node, or
	 * after {@link UploadLocks#MAX_WAIT} without its turn.
	 */
	<T> T inTurn(UUID id, Supplier<T> work) {
		try (UploadLocks.Turn turn = locks.await(id)) {
			return work.get();
		}
	}

	/** The caller's upload, not expired, with the offset the blob store has. */
	Upload current(Uploader uploader, UUID id) {
		Upload upload = owned(uploader, id);
		if (upload.isExpired(policy.now())) {
			audit.record(AuditEvent.failure("upload.access").object("upload", id).detail("reason", "expired"));
			throw UploadException.expired();
		}
		long stored = upload.isCompleted() ? upload.offset() : blobs.length(upload.blobId());
		if (stored == upload.offset()) {
			return upload;
		}
		// A node stopped between committing a part and recording it: the blob store is
		// the truth, the row catches up.
		log.info("Upload {} is at {} in the blob store but {} in the database; catching up", id, stored,
				upload.offset());
		repository.advance(id, upload.offset(), stored, upload.expiresAt(), policy.now());
		return repository.find(id).orElseThrow(UploadException::notFound);
	}

	Upload owned(Uploader uploader, UUID id) {
		CurrentUser user = uploader.user();
		requireWrite(user, "upload.access");
		Upload upload = repository.find(id).orElseThrow(() -> {
			audit.record(AuditEvent.failure("upload.access").object("upload", id).detail("reason", "not_found"));
			return UploadException.notFound();
		});
		if (!upload.ownerId().equals(user.userId())
				|| (uploader.isGuest() && !gate.getObject().covers(uploader.pass(), id))) {
			audit.record(AuditEvent.denied("upload.access").object("upload", id));
			throw UploadException.notFound();
		}
		return upload;
	}

}
