package dev.ferry.upload;

import java.io.IOException;
import java.util.UUID;

import dev.ferry.ProblemException;
import dev.ferry.auth.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * tus uploads: status and appending (creation is {@link UploadCreation}'s, termination
 * {@link UploadRemoval}'s). All state is in the database and the blob store, so any node
 * can serve any request of an upload. Only the owner, signed in with the write scope,
 * sees their uploads ({@link UploadAccess}); to everyone else they do not exist.
 */
@Service
class UploadService {

	private final UploadAccess access;

	private final UploadCompletion completion;

	private final UploadPolicy policy;

	private final PatchThrottle throttle;

	private final UploadFailures failures;

	private final UploadRepository repository;

	private final UploadAppender appender;

	UploadService(UploadAccess access, UploadCompletion completion, UploadPolicy policy, PatchThrottle throttle,
			UploadFailures failures, UploadRepository repository, UploadAppender appender) {
		this.access = access;
		this.completion = completion;
		this.policy = policy;
		this.throttle = throttle;
		this.failures = failures;
		this.repository = repository;
		this.appender = appender;
	}

	/**
	 * The upload's state, once a PATCH of it in flight on this node has stored its bytes;
	 * finishes it if its last bytes arrived but registration failed.
	 */
	Upload status(Uploader uploader, UUID id) {
		return access.inTurn(id, () -> currentStatus(uploader, id));
	}

	private Upload currentStatus(Uploader uploader, UUID id) {
		CurrentUser user = uploader.user();
		Upload upload = access.current(uploader, id);
		if (upload.isFull() && !upload.isCompleted()) {
			return completion.complete(user, upload, policy.now());
		}
		return upload;
	}

	/**
	 * Appends a PATCH body at {@code offset}, declaring the length first if deferred.
	 * PATCHes of one upload are rate-limited, and one in flight on this node makes the
	 * next wait for it ({@link UploadAccess#inTurn}).
	 */
	/**
	 * A request to an upload that its headers got refused before the upload was looked
	 * up: on the trail as {@code upload.failed} when the upload is the caller's, like any
	 * other refusal of it; the refusal stands either way (a lookup that fails is audited
	 * as an access of its own).
	 */
	ProblemException refusedRequest(Uploader uploader, UUID id, ProblemException refusal) {
		try {
			access.owned(uploader, id);
		}
		catch (ProblemException notTheirs) {
			return refusal;
		}
		return failures.failed(id, refusal);
	}

	Upload append(Uploader uploader, UUID id, long offset, Long length, ChunkWriter.Chunk chunk) {
		return access.inTurn(id, () -> appendInTurn(uploader, id, offset, length, chunk));
	}

	/**
	 * Every refusal after the upload is found is on the trail as {@code upload.failed}:
	 * the checks here, the body's by the appender.
	 */
	private Upload appendInTurn(Uploader uploader, UUID id, long offset, Long length, ChunkWriter.Chunk chunk) {
		Upload found = access.current(uploader, id);
		Upload upload = failures.failing(id, () -> readyFor(uploader, found, offset, length, chunk));
		return upload.isCompleted() ? upload : appender.append(uploader.user(), upload, chunk);
	}

	/**
	 * The upload ready for the body: within the rate, at the client's offset, with its
	 * length if the request declares it; a completed one takes only an empty body.
	 */
	private Upload readyFor(Uploader uploader, Upload found, long offset, Long length, ChunkWriter.Chunk chunk) {
		Upload upload = found;
		throttle.acquire(upload.id());
		if (upload.offset() != offset) {
			throw UploadException.offsetMismatch(offset, upload.offset());
		}
		if (length != null) {
			upload = declareLength(uploader, upload, length);
		}
		if (upload.isCompleted()) {
			if (chunk.declaredLength() > 0 || !emptyBody(chunk)) {
				throw UploadException.beyondLength(upload.length());
			}
		}
		return upload;
	}

	/**
	 * Reads a body of unknown length to its end, expecting none. Answering before it
	 * ended would put the answer right behind the 100 (Continue) Tomcat sends at once,
	 * and HttpURLConnection (tus-java-client, which ends an upload that fills its last
	 * request exactly with an empty chunked PATCH) sometimes loses an answer that arrives
	 * in the same read as the 100.
	 */
	private static boolean emptyBody(ChunkWriter.Chunk chunk) {
		if (chunk.declaredLength() == 0) {
			return true;
		}
		try {
			return chunk.body().read() < 0;
		}
		catch (IOException clientGone) {
			// Nobody is left to read the answer either way.
			return true;
		}
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
		policy.checkRules(user, upload.placement(), length);
		policy.reserve(user, upload.id(), length, upload.expiresAt());
		if (!repository.declareLength(upload.id(), length, policy.now())) {
			// Declared meanwhile by another request, or more bytes arrived meanwhile. The
			// reservation just made replaced what the upload held: it goes back to what
			// the upload is (the winner's length, or none while it stays deferred).
			Upload now = access.current(uploader, upload.id());
			if (now.isDeferred()) {
				policy.release(upload.id());
			}
			else if (now.length() != length) {
				policy.reserve(user, upload.id(), now.length(), now.expiresAt());
			}
			if (now.isDeferred() || now.length() != length) {
				String detail = now.isDeferred()
						? now.offset() + " bytes arrived meanwhile, more than Upload-Length " + length + "."
						: "Another request set this upload's length to " + now.length() + "; it cannot change.";
				throw UploadException.badRequest("upload-length-fixed", "Upload-Length already set", detail);
			}
			return now;
		}
		return upload.withLength(length);
	}

}
