package dev.ferry.upload;

import java.time.Instant;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Destroys the staged bytes of uploads that expired (giving back what they held of the
 * owner's quota and of an upload request's limits) and forgets finished uploads after the
 * same period. Safe on every node at once: an upload is first marked expired by exactly
 * one node (a conditional update), and a row is deleted only after its blob is gone, so a
 * node dying half-way leaves work the next run finishes.
 */
@Component
class UploadCleanup {

	private static final Logger log = LoggerFactory.getLogger(UploadCleanup.class);

	private static final int BATCH = 500;

	private final UploadRepository repository;

	private final BlobStorage blobs;

	private final UploadPolicy policy;

	private final AuditLog audit;

	private final ObjectProvider<UploadGate> gate;

	UploadCleanup(UploadRepository repository, BlobStorage blobs, UploadPolicy policy, AuditLog audit,
			ObjectProvider<UploadGate> gate) {
		this.gate = gate;
		this.repository = repository;
		this.blobs = blobs;
		this.policy = policy;
		this.audit = audit;
	}

	void run() {
		Instant now = policy.now();
		for (Upload upload : repository.activeExpiredBy(now, BATCH)) {
			if (repository.expire(upload.id(), now)) {
				audit.record(AuditEvent.success("upload.expired")
					.by(AuditActor.system())
					.object("upload", upload.id())
					.detail("owner", upload.ownerId())
					.detail("offset", upload.offset())
					.detail("length", upload.length()));
			}
		}
		for (Upload upload : repository.withStatus(Upload.Status.EXPIRED, BATCH)) {
			destroy(upload);
		}
		int purged = repository.purgeCompletedBefore(policy.purgeBefore(now));
		if (purged > 0) {
			log.debug("Forgot {} finished uploads", purged);
		}
	}

	private void destroy(Upload upload) {
		try {
			blobs.destroy(upload.blobId());
			policy.release(upload.id());
			gate.ifAvailable((g) -> g.release(upload.id()));
			repository.delete(upload.id(), Upload.Status.EXPIRED);
		}
		catch (RuntimeException ex) {
			log.warn("Could not destroy the staged bytes of expired upload {}; retrying next run", upload.id(), ex);
		}
	}

}
