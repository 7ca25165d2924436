package dev.ferry.upload;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.ProblemException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The IETF resumable-upload draft (interop version {@value DraftHeaders#INTEROP_VERSION})
 * on the tus endpoint and the same upload store: {@link TusController} hands a request
 * here when {@link DraftHeaders#isDraft} says it is one. Creation announces the upload's
 * URL in a {@code 104 (Upload Resumption Supported)} interim response before reading the
 * body, so a client cut off mid-body can ask for the offset and append the rest.
 * <p>
 * Ferry needs the length by the request that completes an upload ({@code Upload-Length},
 * or {@code Content-Length} with {@code Upload-Complete: ?1}), and an upload whose offset
 * reaches its declared length is complete, as in tus.
 */
@Component
class DraftUploads {

	private static final String RESUMPTION_SUPPORTED = "Upload Resumption Supported";

	private final UploadService uploads;

	private final UploadCreation creation;

	private final UploadRemoval removal;

	private final UploadPolicy policy;

	private final UploadFailures failures;

	DraftUploads(UploadService uploads, UploadCreation creation, UploadRemoval removal, UploadPolicy policy,
			UploadFailures failures) {
		this.uploads = uploads;
		this.creation = creation;
		this.removal = removal;
		this.policy = policy;
		this.failures = failures;
	}

	private Map<String, String> interim(Upload created, String location) {
		Map<String, String> interim = new LinkedHashMap<>();
		interim.put(HttpHeaders.LOCATION, location);
		interim.put(DraftHeaders.UPLOAD_DRAFT_INTEROP_VERSION, DraftHeaders.INTEROP_VERSION);
		interim.put(DraftHeaders.UPLOAD_LIMIT, limits(created));
		return interim;
	}

	ResponseEntity<Void> create(Uploader uploader, HttpServletRequest request) throws IOException {
		boolean complete = requireComplete(request);
		Long length = length(request, 0, complete);
		if (length != null && length == 0 && request.getContentLengthLong() > 0) {
			// An empty upload is complete at once and would take none of these bytes.
			throw inconsistentLength(
					"Upload-Length says 0 bytes, but this request carries " + request.getContentLengthLong() + ".");
		}
		Upload created = creation.create(uploader, length, metadata(request), null);
		String location = TusController.BASE + "/" + created.id();
		// Over HTTP/2 no 104 goes out, so the client learns the URL only from the final
		// answer, as from a client of another version.
		boolean toldLocation = DraftHeaders.speaksOurVersion(request)
				&& InterimResponses.send(request, 104, RESUMPTION_SUPPORTED, interim(created, location));
		Upload upload = created;
		if (!created.isCompleted() && hasBody(request)) {
			ChunkWriter.Chunk chunk = chunk(request);
			Supplier<Upload> append = () -> translated(0, () -> uploads.append(uploader, created.id(), 0, null, chunk));
			// Without the 104 only the final answer tells the client the URL, and a
			// refusal does not.
			upload = toldLocation ? append.get() : removal.discardedIfRefused(created, append);
		}
		HttpHeaders headers = state(upload);
		headers.set(HttpHeaders.LOCATION, location);
		return ResponseEntity.status(upload.isCompleted() ? HttpStatus.OK : HttpStatus.CREATED)
			.headers(headers)
			.build();
	}

	ResponseEntity<Void> offset(Uploader uploader, UUID id) {
		Upload upload = uploads.status(uploader, id);
		HttpHeaders headers = state(upload);
		if (!upload.isDeferred()) {
			headers.set(TusHeaders.UPLOAD_LENGTH, Long.toString(upload.length()));
		}
		headers.setCacheControl("no-store");
		return ResponseEntity.noContent().headers(headers).build();
	}

	ResponseEntity<Void> append(Uploader uploader, UUID id, HttpServletRequest request) throws IOException {
		Long offset;
		boolean complete;
		try {
			if (!isPartialUpload(request)) {
				throw UploadException.unsupportedMediaType(DraftHeaders.PARTIAL_UPLOAD);
			}
			offset = DraftHeaders.integer(request, TusHeaders.UPLOAD_OFFSET);
			if (offset == null) {
				throw UploadException.badRequest("upload-offset-required", "Upload-Offset required",
						"Send the offset this body starts at in Upload-Offset (ask for it with HEAD).");
			}
			complete = requireComplete(request);
		}
		catch (ProblemException refused) {
			throw uploads.refusedRequest(uploader, id, refused);
		}
		Upload current = uploads.status(uploader, id);
		if (current.isCompleted()) {
			if (request.getContentLengthLong() != 0) {
				throw failures.failed(id, UploadException.draft(HttpStatus.BAD_REQUEST, "completed-upload",
						"Upload is completed", "This upload is complete and takes no more bytes.", Map.of()));
			}
			return ResponseEntity.ok().headers(state(current)).build();
		}
		Long length = failures.failing(id, () -> length(request, offset, complete));
		ChunkWriter.Chunk chunk = chunk(request);
		Upload upload = translated(offset, () -> uploads.append(uploader, id, offset, length, chunk));
		return ResponseEntity.status(upload.isCompleted() ? HttpStatus.OK : HttpStatus.NO_CONTENT)
			.headers(state(upload))
			.build();
	}

	ResponseEntity<Void> cancel(Uploader uploader, UUID id) {
		removal.terminate(uploader, id);
		return ResponseEntity.noContent().build();
	}

	/** The limits every upload here has, for OPTIONS and new uploads. */
	String limits() {
		return limits(policy.expiry());
	}

	private String limits(Upload upload) {
		Duration left = Duration.between(policy.now(), upload.expiresAt());
		return limits(left.isNegative() ? Duration.ZERO : left);
	}

	private String limits(Duration maxAge) {
		return "max-size=" + policy.maxSize() + ", min-append-size=" + policy.minChunk() + ", max-age="
				+ maxAge.toSeconds();
	}

	/** Offset and completeness; a link to the file once there is one, else the limits. */
	private HttpHeaders state(Upload upload) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(DraftHeaders.UPLOAD_COMPLETE, DraftHeaders.bool(upload.isCompleted()));
		headers.set(TusHeaders.UPLOAD_OFFSET, Long.toString(upload.offset()));
		if (upload.isCompleted()) {
			headers.set(HttpHeaders.LINK, "</api/v1/files/" + upload.file() + ">; rel=\"file\"");
		}
		else {
			headers.set(DraftHeaders.UPLOAD_LIMIT, limits(upload));
		}
		return headers;
	}

	/**
	 * The length this request declares: {@code Upload-Length}, or, when it completes the
	 * upload, {@code offset} plus its {@code Content-Length}; the two must agree.
	 */
	private static Long length(HttpServletRequest request, long offset, boolean complete) {
		Long declared = DraftHeaders.integer(request, TusHeaders.UPLOAD_LENGTH);
		long contentLength = request.getContentLengthLong();
		if (!complete || contentLength < 0) {
			if (complete && declared == null) {
				throw UploadException.badRequest("upload-length-required", "Length required",
						"A request with 'Upload-Complete: ?1' needs Content-Length or Upload-Length.");
			}
			return declared;
		}
		long total = offset + contentLength;
		if (declared != null && declared != total) {
			throw inconsistentLength("Upload-Length says " + declared + " bytes, but the upload would end at byte "
					+ total + " with this request's Content-Length.");
		}
		return total;
	}

	/**
	 * Runs an append, turning tus's refusals into the draft's problem types where the
	 * draft defines one.
	 */
	private Upload translated(long offset, Supplier<Upload> append) {
		try {
			return append.get();
		}
		catch (UploadException ex) {
			String type = ex.getBody().getType().toString();
			if (type.equals("/problems/offset-mismatch")) {
				Object expected = ex.getBody().getProperties().get("upload_offset");
				UploadException mismatch = UploadException.draft(HttpStatus.CONFLICT, "mismatching-upload-offset",
						"Offset mismatch", ex.getBody().getDetail(),
						Map.of("expected-offset", expected, "provided-offset", offset));
				mismatch.getHeaders().set(TusHeaders.UPLOAD_OFFSET, expected.toString());
				throw mismatch;
			}
			if (type.equals("/problems/upload-length-fixed") || type.equals("/problems/upload-length-too-small")) {
				throw inconsistentLength(ex.getBody().getDetail());
			}
			if (ex.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
				ex.getHeaders().set(DraftHeaders.UPLOAD_LIMIT, limits());
			}
			throw ex;
		}
	}

	private static UploadException inconsistentLength(String detail) {
		return UploadException.draft(HttpStatus.BAD_REQUEST, "inconsistent-upload-length", "Inconsistent length",
				detail, Map.of());
	}

	private static boolean requireComplete(HttpServletRequest request) {
		Boolean complete = DraftHeaders.complete(request);
		if (complete == null) {
			throw UploadException.badRequest("upload-complete-required", "Upload-Complete required",
					"Send 'Upload-Complete: ?1' with the request that brings the last byte, '?0' otherwise.");
		}
		return complete;
	}

	/**
	 * The file name from {@code Content-Disposition} (RFC 6266, as the draft recommends),
	 * its type from {@code Content-Type}; {@code Upload-Metadata} (tus syntax) may add a
	 * folder.
	 */
	private static UploadMetadata metadata(HttpServletRequest request) {
		Map<String, String> values = new LinkedHashMap<>(
				UploadMetadata.parse(request.getHeader(TusHeaders.UPLOAD_METADATA)).values());
		String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
		if (disposition != null) {
			String filename = parseFilename(disposition);
			if (filename != null) {
				values.put("filename", filename);
			}
		}
		String type = request.getContentType();
		if (type != null && !values.containsKey("filetype")) {
			values.put("filetype", type);
		}
		return new UploadMetadata(values);
	}

	private static String parseFilename(String disposition) {
		try {
			return ContentDisposition.parse(disposition).getFilename();
		}
		catch (IllegalArgumentException ex) {
			throw UploadException.badRequest("invalid-content-disposition", "Invalid Content-Disposition",
					"Content-Disposition must be like: inline; filename=\"report.pdf\"");
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	private static boolean isPartialUpload(HttpServletRequest request) {
		return MediaTypes.is(request.getContentType(), DraftHeaders.PARTIAL_UPLOAD);
	}

	private static ChunkWriter.Chunk chunk(HttpServletRequest request) throws IOException {
		return new ChunkWriter.Chunk(request.getInputStream(), request.getContentLengthLong(), null);
	}

}
