package dev.ferry.upload;

import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.storage.BlobStorage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Ends an unfinished upload, bytes and all: its row, its digest state, its blob, its
 * quota reservation and what it held of an upload request's limits. Whoever deletes the
 * row does the rest, so two nodes ending the same upload do it once.
 */
@Component
class UploadRemoval {

	private final UploadRepository repository;

	private final UploadDigests digests;

	private final BlobStorage blobs;

	private final UploadPolicy policy;

	private final UploadAccess access;

	private final AuditLog audit;

	private final ObjectProvider<UploadGate> gate;

	UploadRemoval(UploadRepository repository, UploadDigests digests, BlobStorage blobs, UploadPolicy policy,
			UploadAccess access, AuditLog audit, ObjectProvider<UploadGate> gate) {
		this.gate = gate;
		this.repository = repository;
		this.digests = digests;
		this.blobs = blobs;
		this.policy = policy;
		this.access = access;
		this.audit = audit;
	}

	/** The tus termination of the caller's upload. */
	void terminate(Uploader uploader, UUID id) {
		Upload upload = this.access.owned(uploader, id);
		if (upload.isCompleted()) {
			throw refused(id, "completed", UploadException.alreadyCompleted());
		}
		if (!remove(upload, upload.status())) {
			// Completed or ended by another request since it was read: a client told
			// "cancelled" would not look for the file that now exists.
			boolean completed = this.repository.find(id).filter(Upload::isCompleted).isPresent();
			throw completed ? refused(id, "completed", UploadException.alreadyCompleted())
					: refused(id, "gone", UploadException.notFound());
		}
		this.audit.record(AuditEvent.success("upload.terminated")
			.object("upload", id)
			.detail("offset", upload.offset())
			.detail("length", upload.length()));
	}

	private UploadException refused(UUID id, String reason, UploadException problem) {
		this.audit.record(AuditEvent.failure("upload.terminated").object("upload", id).detail("reason", reason));
		return problem;
	}

	/**
	 * Runs a step of a request that created {@code upload} and will not tell the client
	 * its URL if the step fails: nothing could resume it, so it is discarded at once.
	 */
	Upload discardedIfRefused(Upload upload, Supplier<Upload> step) {
		try {
			return step.get();
		}
		catch (RuntimeException ex) {
			// Whatever failed (a refusal, the database, a listener), nothing could resume
			// the upload, and its reservation would hold the room for a day.
			try {
				discard(upload);
			}
			catch (RuntimeException alsoFailed) {
				ex.addSuppressed(alsoFailed);
			}
			throw ex;
		}
	}

	/** Ends an active upload the server refused; whether this call ended it. */
	boolean discard(Upload upload) {
		return remove(upload, Upload.Status.ACTIVE);
	}

	/**
	 * Ends an upload whatever became of it but completion: an expired one whose bytes the
	 * cleanup has not destroyed yet too, which the row's cascade would otherwise take
	 * with its account and leave the bytes decryptable.
	 */
	boolean discardUnfinished(Upload upload) {
		return remove(upload, upload.status());
	}

	private boolean remove(Upload upload, Upload.Status status) {
		if (!this.repository.delete(upload.id(), status)) {
			return false;
		}
		this.digests.forget(upload.id());
		this.blobs.destroy(upload.blobId());
		this.policy.release(upload.id());
		this.gate.ifAvailable((g) -> g.release(upload.id()));
		return true;
	}

}
