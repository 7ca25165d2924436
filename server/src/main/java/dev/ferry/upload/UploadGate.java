package dev.ferry.upload;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.auth.CurrentUser;

/**
 * Lets people without an account upload through tus into someone's space (upload
 * requests). A request carrying {@link #HEADER} instead of a bearer token is resolved
 * here; the upload then runs as the pass's owner (their quota, their files) but only in
 * the pass's folder, within limits the gate enforces in {@link #admit}, and it can only
 * touch uploads it started. Implemented by the share module.
 */
public interface UploadGate {

	String HEADER = "X-Upload-Request";

	/** The pass behind a credential, or empty when it is unknown or expired. */
	Optional<Pass> open(String credential);

	/**
	 * Accepts a new upload or throws a problem (limits, types), before anything of the
	 * upload is stored.
	 */
	void admit(Pass pass, UUID uploadId, String name, long length, String declaredType);

	/**
	 * The upload ended without becoming a file: refused, terminated by its sender, or not
	 * stored after {@link #admit}. What it held of the pass's limits returns. Safe to
	 * call for any upload, more than once.
	 */
	void release(UUID uploadId);

	/**
	 * Called when every byte of an upload arrived, before it becomes a file: throws a
	 * problem when the content ({@code contentType}, what its bytes alone show, asked
	 * only if needed) is not what the pass allowed. The caller then deletes the upload.
	 */
	void inspect(UUID uploadId, String name, Supplier<String> contentType);

	/** Whether {@code uploadId} was started with this pass. */
	boolean covers(Pass pass, UUID uploadId);

	/**
	 * {@code owner} must hold only the write scope; {@code folder} is where every file of
	 * this pass lands; {@code uploader} names the person when known (a verified address).
	 */
	record Pass(CurrentUser owner, String folder, UUID grantId, String uploader) {
	}

}
