package dev.ferry.upload;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * tus uploads: creation, status, appending and termination. All state is in the database
 * and the blob store, so any node can serve any request of an upload. Only the owner,
 * signed in with the write scope, sees their uploads; to everyone else they do not exist.
 */
@Service
class UploadService {

	private static final Logger log = LoggerFactory.getLogger(UploadService.class);

	private final UploadRepository repository;

	private final BlobStorage blobs;

	private final UploadPolicy policy;

	private final ChunkWriter writer;

	private final UploadDigests digests;

	private final UploadCompletion completion;

	private final AuditLog audit;

	private final ObjectProvider<UploadGate> gate;

	private final PatchThrottle throttle;

	private final AccessPolicy access;

	UploadService(UploadRepository repository, BlobStorage blobs, UploadPolicy policy, ChunkWriter writer,
			UploadDigests digests, UploadCompletion completion, AuditLog audit, ObjectProvider<UploadGate> gate,
			PatchThrottle throttle, AccessPolicy access) {
		this.access = access;
		this.gate = gate;
		this.throttle = throttle;
		this.repository = repository;
		this.blobs = blobs;
		this.policy = policy;
		this.writer = writer;
		this.digests = digests;
		this.completion = completion;
		this.audit = audit;
	}

	/**
	 * Creates an upload, with its first bytes when the request carries them. Through an
	 * upload gate the file goes to the pass's folder, and its length must be known up
	 * front so the gate can hold it to its limits.
	 */
	Upload create(Uploader uploader, Long length, UploadMetadata metadata, ChunkWriter.Chunk chunk) {
		CurrentUser user = uploader.user();
		requireWrite(user, "upload.create");
		Placement placement = failing(null,
				() -> policy.placement(user, metadata, uploader.isGuest() ? uploader.pass().folder() : null));
		if (length == null && uploader.isGuest()) {
			throw UploadException.badRequest("upload-length-required", "Upload-Length required",
					"Uploads through an upload request must send Upload-Length.");
		}
		checking(null, () -> policy.checkRules(user, placement, length));
		Instant now = policy.now();
		UUID id = UUID.randomUUID();
		if (length != null) {
			failing(null, () -> policy.reserve(user, id, length, policy.expiresAt(now)));
		}
		String declaredType = metadata.first("filetype", "type");
		Upload upload;
		try {
			upload = new Upload(id, user.userId(), blobs.create(), length, 0, metadata, placement, declaredType, null,
					Upload.Status.ACTIVE, now, policy.expiresAt(now), null);
			if (uploader.isGuest()) {
				gate.getObject().admit(uploader.pass(), upload.id(), placement.name(), length, declaredType);
			}
			repository.insert(upload);
		}
		catch (RuntimeException ex) {
			policy.release(id);
			throw ex;
		}
		audit.record(AuditEvent.success("upload.started")
			.object("upload", upload.id())
			.detail("folder", placement.folder())
			.detail("name", placement.name())
			.detail("length", length));
		if (upload.isFull()) {
			return completion.complete(user, upload, digests.resume(upload), now);
		}
		if (chunk == null) {
			return upload;
		}
		try {
			return append(user, upload, chunk);
		}
		catch (ProblemException ex) {
			// The client never learns this upload's URL, so nothing could resume it.
			discard(upload);
			throw ex;
		}
	}

	/**
	 * The upload's state; finishes it if its last bytes arrived but registration failed.
	 */
	Upload status(Uploader uploader, UUID id) {
		CurrentUser user = uploader.user();
		Upload upload = current(uploader, id);
		if (upload.isFull() && !upload.isCompleted()) {
			return completion.complete(user, upload, digests.resume(upload), policy.now());
		}
		return upload;
	}

	/**
	 * Appends a PATCH body at {@code offset}, declaring the length first if deferred.
	 * PATCHes of one upload are rate-limited.
	 */
	Upload append(Uploader uploader, UUID id, long offset, Long length, ChunkWriter.Chunk chunk) {
		CurrentUser user = uploader.user();
		Upload upload = current(uploader, id);
		checking(id, () -> throttle.acquire(id));
		if (upload.offset() != offset) {
			throw UploadException.offsetMismatch(offset, upload.offset());
		}
		if (length != null) {
			upload = declareLength(uploader, upload, length);
		}
		if (upload.isCompleted()) {
			if (chunk.declaredLength() > 0) {
				throw UploadException.beyondLength(upload.length());
			}
			return upload;
		}
		return append(user, upload, chunk);
	}

	void terminate(Uploader uploader, UUID id) {
		Upload upload = owned(uploader, id);
		if (upload.isCompleted()) {
			throw UploadException.alreadyCompleted();
		}
		if (repository.delete(id, upload.status())) {
			digests.forget(id);
			blobs.destroy(upload.blobId());
			policy.release(id);
			audit.record(AuditEvent.success("upload.terminated")
				.object("upload", id)
				.detail("offset", upload.offset())
				.detail("length", upload.length()));
		}
	}

	private Upload append(CurrentUser user, Upload upload, ChunkWriter.Chunk body) {
		UploadPolicy.Allowance allowance = policy.allowance(user, upload);
		if (body.declaredLength() > allowance.bytes()) {
			throw failed(upload.id(), allowance.exceeded());
		}
		ChunkWriter.Chunk chunk = (upload.offset() == 0) ? firstBytes(user, upload, body) : body;
		checking(upload.id(), () -> policy.checkChunkSize(upload, chunk.declaredLength()));
		MessageDigest digest = digests.resume(upload);
		long offset = failing(upload.id(), () -> writer.write(upload, chunk, allowance, digest));
		Instant now = policy.now();
		Upload advanced = upload.withOffset(offset, policy.expiresAt(now));
		if (!repository.advance(upload.id(), upload.offset(), offset, advanced.expiresAt(), now)) {
			// A HEAD on another node already recorded this part (see current()).
			advanced = repository.find(upload.id()).orElseThrow(UploadException::notFound);
		}
		digests.remember(upload.id(), offset, digest);
		policy.extendReservation(advanced);
		if (advanced.isFull() && !advanced.isCompleted()) {
			return completion.complete(user, advanced, digests.resume(advanced), now);
		}
		return advanced;
	}

	private Upload declareLength(Uploader uploader, Upload upload, long length) {
		CurrentUser user = uploader.user();
		if (!upload.isDeferred()) {
			if (upload.length() != length) {
				throw UploadException.badRequest("upload-length-fixed", "Upload-Length already set",
						"This upload's length is " + upload.length() + "; it cannot change.");
			}
			return upload;
		}
		if (length < upload.offset()) {
			throw UploadException.badRequest("upload-length-too-small", "Upload-Length too small",
					"Upload-Length " + length + " is less than the " + upload.offset() + " bytes already received.");
		}
		failing(upload.id(), () -> policy.reserve(user, upload.id(), length, upload.expiresAt()));
		if (!repository.declareLength(upload.id(), length, policy.now())) {
			return current(uploader, upload.id());
		}
		return upload.withLength(length);
	}

	/** The caller's upload, not expired, with the offset the blob store has. */
	private Upload current(Uploader uploader, UUID id) {
		Upload upload = owned(uploader, id);
		if (upload.isExpired(policy.now())) {
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

	private Upload owned(Uploader uploader, UUID id) {
		CurrentUser user = uploader.user();
		requireWrite(user, "upload.access");
		Upload upload = repository.find(id).orElseThrow(UploadException::notFound);
		if (!upload.ownerId().equals(user.userId())
				|| (uploader.isGuest() && !gate.getObject().covers(uploader.pass(), id))) {
			audit.record(AuditEvent.denied("upload.access").object("upload", id));
			throw UploadException.notFound();
		}
		return upload;
	}

	private void requireWrite(CurrentUser user, String action) {
		access.requireScope(user, Scope.WRITE, action);
	}

	/** A refused type ends the upload: nothing was stored, nothing is kept. */
	private ChunkWriter.Chunk firstBytes(CurrentUser user, Upload upload, ChunkWriter.Chunk chunk) {
		try {
			return policy.checkFirstBytes(user, upload, chunk);
		}
		catch (ProblemException ex) {
			discard(upload);
			throw failed(upload.id(), ex);
		}
	}

	private void discard(Upload upload) {
		if (repository.delete(upload.id(), Upload.Status.ACTIVE)) {
			digests.forget(upload.id());
			blobs.destroy(upload.blobId());
			policy.release(upload.id());
		}
	}

	/**
	 * Runs {@code action}, auditing a refusal (any problem: ours, a file name's, a race).
	 */
	private <T> T failing(UUID id, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ProblemException ex) {
			throw failed(id, ex);
		}
	}

	/** {@link #failing} for a check that returns nothing. */
	private void checking(UUID id, Runnable check) {
		try {
			check.run();
		}
		catch (ProblemException ex) {
			throw failed(id, ex);
		}
	}

	private ProblemException failed(UUID id, ProblemException ex) {
		audit.record(AuditEvent.failure("upload.failed")
			.object("upload", id)
			.detail("reason", ex.getBody().getType().toString()));
		return ex;
	}

}
