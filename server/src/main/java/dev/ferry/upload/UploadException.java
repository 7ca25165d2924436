package dev.ferry.upload;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.ferry.ProblemException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** A tus request the server refuses; the status codes are the ones tus prescribes. */
class UploadException extends ProblemException {

	/** tus checksum extension: the body does not match Upload-Checksum. */
	static final HttpStatusCode CHECKSUM_MISMATCH = HttpStatusCode.valueOf(460);

	static final String IANA_PROBLEM_TYPES = "https://iana.org/assignments/http-problem-types#";

	private UploadException(HttpStatusCode status, String slug, String title, String detail,
			Map<String, Object> properties) {
		super(status, slug, title, detail, properties);
	}

	private UploadException(HttpStatusCode status, String slug, String title, String detail) {
		this(status, slug, title, detail, Map.of());
	}

	static UploadException badRequest(String slug, String title, String detail) {
		return new UploadException(HttpStatus.BAD_REQUEST, slug, title, detail);
	}

	static UploadException unauthorized() {
		UploadException ex = new UploadException(HttpStatus.UNAUTHORIZED, "upload-pass-invalid",
				"Upload credential invalid",
				"The " + UploadGate.HEADER + " credential is unknown or expired; open the upload request again.");
		return ex;
	}

	static UploadException notFound() {
		return new UploadException(HttpStatus.NOT_FOUND, "upload-not-found", "Upload not found",
				"There is no such upload.");
	}

	static UploadException expired() {
		return new UploadException(HttpStatus.GONE, "upload-expired", "Upload expired",
				"This upload expired; its bytes were discarded. Start a new upload.");
	}

	static UploadException offsetMismatch(long expected, long actual) {
		return new UploadException(HttpStatus.CONFLICT, "offset-mismatch", "Offset mismatch",
				"The upload is at byte " + actual + ", not " + expected + ". Ask with HEAD and resume from there.",
				Map.of("upload_offset", actual));
	}

	/** A Content-Range chunk that does not start where the upload is. */
	static UploadException rangeMismatch(String detail, long offset) {
		return new UploadException(HttpStatus.CONFLICT, "offset-mismatch", "Offset mismatch", detail,
				Map.of("upload_offset", offset));
	}

	static UploadException alreadyCompleted() {
		return new UploadException(HttpStatus.CONFLICT, "upload-completed", "Upload already completed",
				"This upload finished and is now a file; delete the file instead.");
	}

	static UploadException unsupportedVersion(String version) {
		UploadException ex = new UploadException(HttpStatus.PRECONDITION_FAILED, "tus-version",
				"Unsupported tus version", "This server speaks tus " + TusHeaders.VERSION + ", not '" + version + "'.");
		ex.getHeaders().set(TusHeaders.TUS_VERSION, TusHeaders.VERSION);
		return ex;
	}

	static UploadException unsupportedMediaType(String expected) {
		return new UploadException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", "Send upload bytes as 'Content-Type: " + expected + "'.");
	}

	static UploadException tooLarge(long maxSize) {
		UploadException ex = new UploadException(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
				"Uploads may be at most " + maxSize + " bytes.", Map.of("max_size", maxSize));
		ex.getHeaders().set(TusHeaders.TUS_MAX_SIZE, Long.toString(maxSize));
		return ex;
	}

	static UploadException beyondLength(long length) {
		return new UploadException(HttpStatus.CONTENT_TOO_LARGE, "upload-length-exceeded", "Beyond Upload-Length",
				"The body goes past the declared Upload-Length of " + length + " bytes.");
	}

	static UploadException quotaExceeded(long remaining, long needed) {
		return new UploadException(HttpStatus.CONTENT_TOO_LARGE, "quota-exceeded", "Storage quota exceeded",
				"You have " + Math.max(remaining, 0) + " bytes of quota left (after uploads in progress); this upload"
						+ " needs " + needed + ".",
				Map.of("remaining_bytes", Math.max(remaining, 0)));
	}

	static UploadException quotaReached(long room) {
		return new UploadException(HttpStatus.CONTENT_TOO_LARGE, "quota-exceeded", "Storage quota exceeded",
				"This upload would grow past your quota: it may hold at most " + Math.max(room, 0)
						+ " bytes (your quota left after uploads in progress). Nothing from this request was stored.",
				Map.of("remaining_bytes", Math.max(room, 0)));
	}

	static UploadException chunkTooSmall(long size, long minChunk) {
		return new UploadException(HttpStatus.BAD_REQUEST, "upload-chunk-too-small", "PATCH body too small",
				"This PATCH brings " + size + " bytes and does not finish the upload. Every PATCH but the last must"
						+ " bring at least " + minChunk + " bytes: send larger chunks (tus-js-client and Uppy: set"
						+ " chunkSize to at least " + minChunk + ", or leave it unset to send the rest in one PATCH)."
						+ " Nothing from this request was stored.",
				Map.of("min_chunk_size", minChunk));
	}

	static UploadException tooManyParts(int maxParts, boolean full) {
		String detail = full
				? "This upload reached its limit of " + maxParts + " stored parts and cannot grow; start a new upload"
						+ " and send larger chunks."
				: "This upload has " + (maxParts - 1) + " stored parts, one short of its limit of " + maxParts
						+ "; send the rest of the file in one PATCH.";
		return new UploadException(HttpStatus.BAD_REQUEST, "upload-too-many-parts", "Too many parts", detail,
				Map.of("max_parts", maxParts));
	}

	static UploadException tooManyPatches(Duration retryAfter) {
		long seconds = Math.max(1, retryAfter.toSeconds() + ((retryAfter.toNanosPart() > 0) ? 1 : 0));
		UploadException ex = new UploadException(HttpStatus.TOO_MANY_REQUESTS, "upload-rate-limited",
				"Too many PATCH requests", "This upload received too many PATCH requests; send the next one in "
						+ seconds + " seconds, ideally with a larger body.");
		ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return ex;
	}

	static UploadException checksumMismatch(String algorithm) {
		return new UploadException(CHECKSUM_MISMATCH, "checksum-mismatch", "Checksum mismatch",
				"The body does not match its " + algorithm + " Upload-Checksum; nothing was stored. Send it again.");
	}

	static UploadException incompleteWithChecksum() {
		return new UploadException(HttpStatus.BAD_REQUEST, "incomplete-body", "Incomplete body",
				"The body ended early, so its Upload-Checksum cannot be verified; nothing was stored.");
	}

	/**
	 * A problem of the IETF resumable-upload draft, whose types the draft registers with
	 * IANA ({@code mismatching-upload-offset}, {@code completed-upload},
	 * {@code inconsistent-upload-length}) instead of Ferry's {@code /problems/...}.
	 */
	static UploadException draft(HttpStatusCode status, String ianaType, String title, String detail,
			Map<String, Object> properties) {
		UploadException ex = new UploadException(status, ianaType, title, detail, properties);
		ex.getBody().setType(URI.create(IANA_PROBLEM_TYPES + ianaType));
		return ex;
	}

}
