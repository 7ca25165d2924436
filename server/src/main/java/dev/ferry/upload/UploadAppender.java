package dev.ferry.upload;

import java.security.MessageDigest;
import java.time.Instant;

import dev.ferry.ProblemException;
import dev.ferry.auth.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Appends one request body to an upload the caller may write: within the allowance, the
 * first bytes checked against the type rules, the digest carried along, and the file
 * registered once the last byte is in.
 */
@Component
class UploadAppender {

	private final UploadPolicy policy;

	private final ChunkWriter writer;

	private final UploadDigests digests;

	private final UploadRepository repository;

	private final UploadCompletion completion;

	private final UploadRemoval removal;

	private final UploadFailures failures;

	UploadAppender(UploadPolicy policy, ChunkWriter writer, UploadDigests digests, UploadRepository repository,
			UploadCompletion completion, UploadRemoval removal, UploadFailures failures) {
		this.policy = policy;
		this.writer = writer;
		this.digests = digests;
		this.repository = repository;
		this.completion = completion;
		this.removal = removal;
		this.failures = failures;
	}

	/**
	 * The upload after the body; a refusal of the body is audited here, one of the file's
	 * registration by {@link UploadCompletion}.
	 */
	Upload append(CurrentUser user, Upload upload, ChunkWriter.Chunk body) {
		Upload advanced = failures.failing(upload.id(), () -> stored(user, upload, body));
		if (advanced.isFull() && !advanced.isCompleted()) {
			return completion.complete(user, advanced, policy.now());
		}
		return advanced;
	}

	private Upload stored(CurrentUser user, Upload upload, ChunkWriter.Chunk body) {
		UploadPolicy.Allowance allowance = policy.allowance(user, upload);
		if (body.declaredLength() > allowance.bytes()) {
			throw allowance.exceeded();
		}
		ChunkWriter.Chunk chunk = (upload.offset() == 0) ? firstBytes(user, upload, body) : body;
		policy.checkChunkSize(upload, chunk.declaredLength());
		MessageDigest digest = digests.resume(upload);
		long offset = writer.write(upload, chunk, allowance, digest);
		Instant now = policy.now();
		Upload advanced = upload.withOffset(offset, policy.expiresAt(now));
		if (!repository.advance(upload.id(), upload.offset(), offset, advanced.expiresAt(), now)) {
			// A HEAD on another node already recorded this part (see current()).
			advanced = repository.find(upload.id()).orElseThrow(UploadException::notFound);
		}
		digests.remember(upload.id(), offset, digest);
		policy.extendReservation(advanced);
		return advanced;
	}

	/** A refused type ends the upload: nothing was stored, nothing is kept. */
	private ChunkWriter.Chunk firstBytes(CurrentUser user, Upload upload, ChunkWriter.Chunk chunk) {
		try {
			return policy.checkFirstBytes(user, upload, chunk);
		}
		catch (ProblemException ex) {
			removal.discard(upload);
			throw ex;
		}
	}

}
