package dev.ferry.upload;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import dev.ferry.ProblemException;
import dev.ferry.auth.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tus 1.0.0 protocol (core, creation, creation-with-upload, creation-defer-length,
 * expiration, checksum, termination) over {@link UploadCreation}, {@link UploadService}
 * and {@link UploadRemoval}, and at the same URLs the IETF resumable-upload draft
 * ({@link DraftUploads}), told apart by their headers. Bodies are read straight from the
 * request stream: nothing is buffered in memory or on disk.
 */
@Tag(name = "upload")
@RestController
@RequestMapping(TusController.BASE)
class TusController {

	static final String BASE = "/api/v1/uploads";

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

	private final UploadService uploads;

	private final UploadCreation creation;

	private final UploadRemoval removal;

	private final UploadPolicy policy;

	private final ObjectProvider<UploadGate> gate;

	private final DraftUploads draft;

	TusController(UploadService uploads, UploadCreation creation, UploadRemoval removal, UploadPolicy policy,
			ObjectProvider<UploadGate> gate, DraftUploads draft) {
		this.uploads = uploads;
		this.creation = creation;
		this.removal = removal;
		this.policy = policy;
		this.gate = gate;
		this.draft = draft;
	}

	/**
	 * tus discovery, and for clients of the IETF resumable-upload draft
	 * {@code Accept-Patch} and {@code Upload-Limit}.
	 */
	@Operation(operationId = "getUploadOptions", summary = "The tus version, extensions and maximum size")
	@RequestMapping(method = RequestMethod.OPTIONS, path = "")
	ResponseEntity<Void> options() {
		return ResponseEntity.noContent()
			.header(HttpHeaders.ACCEPT_PATCH, DraftHeaders.PARTIAL_UPLOAD)
			.header(DraftHeaders.UPLOAD_LIMIT, draft.limits())
			.header(TusHeaders.TUS_VERSION, TusHeaders.VERSION)
			.header(TusHeaders.TUS_EXTENSION, TusHeaders.EXTENSIONS)
			.header(TusHeaders.TUS_MAX_SIZE, Long.toString(policy.maxSize()))
			.header(TusHeaders.TUS_CHECKSUM_ALGORITHM, UploadChecksum.advertised())
			.build();
	}

	/** The same answer on an upload's URL; a handler of its own so it has its own id. */
	@Operation(operationId = "getUploadOptionsForUpload", summary = "The tus version, extensions and maximum size")
	@RequestMapping(method = RequestMethod.OPTIONS, path = "/{id}")
	ResponseEntity<Void> optionsForUpload(@PathVariable String id) {
		return options();
	}

	@Operation(operationId = "createUpload", summary = "Create a resumable upload, optionally with its first bytes")
	@PostMapping
	ResponseEntity<Void> create(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request)
			throws IOException {
		if (DraftHeaders.isDraft(request)) {
			return draft.create(uploader(user, request), request);
		}
		requireVersion(request);
		Long length = length(request);
		String defer = request.getHeader(TusHeaders.UPLOAD_DEFER_LENGTH);
		if ((length == null) == (defer == null) || (defer != null && !defer.equals("1"))) {
			throw UploadException.badRequest("upload-length-required", "Upload-Length required",
					"Send either Upload-Length or 'Upload-Defer-Length: 1'.");
		}
		UploadMetadata metadata = UploadMetadata.parse(request.getHeader(TusHeaders.UPLOAD_METADATA));
		ChunkWriter.Chunk chunk = isOffsetOctetStream(request) ? chunk(request) : null;
		Upload upload = creation.create(uploader(user, request), length, metadata, chunk);
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create(BASE + "/" + upload.id()))
			.headers(progress(upload))
			.build();
	}

	@Operation(operationId = "getUploadOffset", summary = "An upload's offset and length")
	@RequestMapping(method = RequestMethod.HEAD, path = "/{id}")
	ResponseEntity<Void> head(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			HttpServletRequest request) {
		if (DraftHeaders.isDraft(request)) {
			return draft.offset(uploader(user, request), uploadId(id));
		}
		requireVersion(request);
		Upload upload = uploads.status(uploader(user, request), uploadId(id));
		HttpHeaders headers = progress(upload);
		if (upload.isDeferred()) {
			headers.set(TusHeaders.UPLOAD_DEFER_LENGTH, "1");
		}
		else {
			headers.set(TusHeaders.UPLOAD_LENGTH, Long.toString(upload.length()));
		}
		if (!upload.metadata().values().isEmpty()) {
			headers.set(TusHeaders.UPLOAD_METADATA, upload.metadata().header());
		}
		headers.setCacheControl("no-store");
		return ResponseEntity.ok().headers(headers).build();
	}

	@Operation(operationId = "appendToUpload", summary = "Append bytes at the upload's offset")
	@PatchMapping("/{id}")
	ResponseEntity<Void> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			HttpServletRequest request) throws IOException {
		if (DraftHeaders.isDraft(request)) {
			return draft.append(uploader(user, request), uploadId(id), request);
		}
		Uploader uploader = uploader(user, request);
		UUID uploadId = uploadId(id);
		long offset;
		Long length;
		ChunkWriter.Chunk chunk;
		try {
			requireVersion(request);
			if (!isOffsetOctetStream(request)) {
				throw UploadException.unsupportedMediaType(TusHeaders.OFFSET_OCTET_STREAM);
			}
			offset = offset(request);
			length = length(request);
			chunk = chunk(request);
		}
		catch (ProblemException refused) {
			throw uploads.refusedRequest(uploader, uploadId, refused);
		}
		Upload upload = uploads.append(uploader, uploadId, offset, length, chunk);
		return ResponseEntity.noContent().headers(progress(upload)).build();
	}

	@Operation(operationId = "terminateUpload", summary = "Cancel an upload and discard its bytes")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> terminate(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			HttpServletRequest request) {
		if (DraftHeaders.isDraft(request)) {
			return draft.cancel(uploader(user, request), uploadId(id));
		}
		requireVersion(request);
		removal.terminate(uploader(user, request), uploadId(id));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Offset and expiry; once the upload is a file, a {@code Link} to it instead of an
	 * expiry (see {@link Upload#file()}).
	 */
	private static HttpHeaders progress(Upload upload) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(TusHeaders.UPLOAD_OFFSET, Long.toString(upload.offset()));
		if (upload.isCompleted()) {
			headers.set(HttpHeaders.LINK, "</api/v1/files/" + upload.file() + ">; rel=\"file\"");
		}
		else {
			headers.set(TusHeaders.UPLOAD_EXPIRES, TusHeaders.httpDate(upload.expiresAt()));
		}
		return headers;
	}

	/**
	 * An upload-request credential, when present, decides who uploads; otherwise the
	 * signed-in account does.
	 */
	private Uploader uploader(CurrentUser user, HttpServletRequest request) {
		String credential = request.getHeader(UploadGate.HEADER);
		if (credential != null) {
			UploadGate resolved = gate.getIfAvailable();
			UploadGate.Pass pass = (resolved != null) ? resolved.open(credential.strip()).orElse(null) : null;
			if (pass == null) {
				throw UploadException.unauthorized();
			}
			return new Uploader(pass.owner(), pass);
		}
		if (user == null) {
			throw UploadException.unauthorized();
		}
		return Uploader.account(user);
	}

	private static void requireVersion(HttpServletRequest request) {
		String version = request.getHeader(TusHeaders.TUS_RESUMABLE);
		if (!TusHeaders.VERSION.equals(version)) {
			throw UploadException.unsupportedVersion(version);
		}
	}

	private static boolean isOffsetOctetStream(HttpServletRequest request) {
		return MediaTypes.is(request.getContentType(), TusHeaders.OFFSET_OCTET_STREAM);
	}

	private static ChunkWriter.Chunk chunk(HttpServletRequest request) throws IOException {
		return new ChunkWriter.Chunk(request.getInputStream(), request.getContentLengthLong(),
				UploadChecksum.parse(request.getHeader(TusHeaders.UPLOAD_CHECKSUM)));
	}

	private static long offset(HttpServletRequest request) {
		Long offset = number(request, TusHeaders.UPLOAD_OFFSET);
		if (offset == null) {
			throw UploadException.badRequest("upload-offset-required", "Upload-Offset required",
					"Send the offset this body starts at in Upload-Offset.");
		}
		return offset;
	}

	private static Long length(HttpServletRequest request) {
		return number(request, TusHeaders.UPLOAD_LENGTH);
	}

	private static Long number(HttpServletRequest request, String header) {
		String value = request.getHeader(header);
		if (value == null) {
			return null;
		}
		if (!NUMBER.matcher(value).matches()) {
			throw UploadException.badRequest("invalid-" + header.toLowerCase(Locale.ROOT), "Invalid " + header,
					header + " must be a non-negative integer.");
		}
		return Long.parseLong(value);
	}

	/** Anything that is not one of our ids names no upload: 404, as tus expects. */
	private static UUID uploadId(String id) {
		if (!UUID_PATTERN.matcher(id).matches()) {
			throw UploadException.notFound();
		}
		return UUID.fromString(id);
	}

}
