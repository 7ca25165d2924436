package dev.ferry.upload;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Chunked uploads with {@code Content-Range} for clients that do not speak tus: the
 * classic {@code POST /api/v1/files/upload?path=...} opens an upload (optionally with its
 * first chunk), {@code PUT .../upload/{id}} appends the next chunk at the offset the
 * server has, {@code GET} tells how much arrived. Each chunk goes through
 * {@link UploadCreation} and {@link UploadService}, so encryption, quota, the upload
 * policy, scanning and the audit trail are those of tus. Multipart bodies to the same URL
 * go to the files module.
 */
@Tag(name = "upload")
@RestController
@RequestMapping(RangeUploadController.BASE)
class RangeUploadController {

	static final String BASE = "/api/v1/files/upload";

	/**
	 * The multipart handler at the same URL is in the files module, hidden from the
	 * OpenAPI document, which shows both as this one operation.
	 */
	private static final String UPLOAD_OPERATION = "uploadFilesClassic";

	private static final String UPLOAD_SUMMARY = "Upload files: multipart/form-data, or a chunk with Content-Range";

	private final UploadService uploads;

	private final UploadCreation creation;

	private final UploadRemoval removal;

	private final UploadFailures failures;

	RangeUploadController(UploadService uploads, UploadCreation creation, UploadRemoval removal,
			UploadFailures failures) {
		this.uploads = uploads;
		this.creation = creation;
		this.removal = removal;
		this.failures = failures;
	}

	@Operation(operationId = UPLOAD_OPERATION, summary = UPLOAD_SUMMARY)
	@PostMapping
	ResponseEntity<RangeUploadView> start(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request)
			throws IOException {
		requireOctets(request);
		ContentRange range = ContentRange.parse(request.getHeader(HttpHeaders.CONTENT_RANGE));
		if (range.hasBytes() && range.first() != 0) {
			throw ContentRange.invalid("A new upload starts at byte 0; continue one with PUT " + BASE + "/{id}.");
		}
		if (range.hasBytes()) {
			range.checkBody(request.getContentLengthLong());
		}
		UploadMetadata metadata = metadata(request.getParameter("path"), request.getContentType());
		ChunkWriter.Chunk chunk = range.hasBytes() ? chunk(request) : null;
		return answer(creation.create(Uploader.account(user), range.total(), metadata, chunk));
	}

	@Operation(operationId = "appendRangeUpload", summary = "Send the next chunk of a chunked upload")
	@PutMapping("/{id}")
	ResponseEntity<RangeUploadView> append(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			HttpServletRequest request) throws IOException {
		requireOctets(request);
		UUID uploadId = uploadId(id);
		ContentRange range = ContentRange.parse(request.getHeader(HttpHeaders.CONTENT_RANGE));
		Uploader uploader = Uploader.account(user);
		Upload upload = uploads.status(uploader, uploadId);
		if (!Long.valueOf(range.total()).equals(upload.length())) {
			throw failures.failed(uploadId, ContentRange
				.invalid("This upload is " + upload.length() + " bytes long, not " + range.total() + "."));
		}
		if (!range.hasBytes()) {
			return answer(upload);
		}
		range.checkBody(request.getContentLengthLong());
		if (range.first() != upload.offset()) {
			throw failures.failed(uploadId, mismatch(range, upload));
		}
		return answer(uploads.append(uploader, uploadId, range.first(), null, chunk(request)));
	}

	@Operation(operationId = "getRangeUpload", summary = "How much of a chunked upload arrived")
	@GetMapping("/{id}")
	ResponseEntity<RangeUploadView> status(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		Upload upload = uploads.status(Uploader.account(user), uploadId(id));
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl("no-store");
		if (upload.isCompleted()) {
			headers.setLocation(URI.create("/api/v1/files/" + upload.file()));
		}
		else if (upload.offset() > 0) {
			headers.set(HttpHeaders.RANGE, received(upload));
		}
		return ResponseEntity.ok().headers(headers).body(RangeUploadView.of(upload));
	}

	@Operation(operationId = "cancelRangeUpload", summary = "Cancel a chunked upload and discard its bytes")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		removal.terminate(Uploader.account(user), uploadId(id));
	}

	/**
	 * 201 with the file's URL once the last byte is in, else 202 with the upload's URL
	 * and the bytes received so far as a {@code Range} header.
	 */
	private static ResponseEntity<RangeUploadView> answer(Upload upload) {
		RangeUploadView view = RangeUploadView.of(upload);
		if (upload.isCompleted()) {
			return ResponseEntity.created(URI.create("/api/v1/files/" + upload.file())).body(view);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create(BASE + "/" + upload.id()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
		if (upload.offset() > 0) {
			response.header(HttpHeaders.RANGE, received(upload));
		}
		return response.body(view);
	}

	private static String received(Upload upload) {
		return "bytes=0-" + (upload.offset() - 1);
	}

	/**
	 * An overlap or a gap: the client's idea of the offset is wrong. Nothing of the body
	 * is read, the stored bytes stay.
	 */
	private static UploadException mismatch(ContentRange range, Upload upload) {
		String arrived = (upload.offset() == 0) ? "no bytes have arrived"
				: "bytes 0-" + (upload.offset() - 1) + " have arrived";
		String kind = (range.first() < upload.offset()) ? "overlaps what arrived" : "leaves a gap";
		return UploadException.rangeMismatch("Content-Range bytes " + range.first() + "-" + range.last() + " " + kind
				+ ": " + arrived + ", so send the chunk starting at byte " + upload.offset() + ".", upload.offset());
	}

	/**
	 * A form type would make the servlet container read the body as form fields; chunks
	 * are bytes.
	 */
	private static void requireOctets(HttpServletRequest request) {
		if (MediaTypes.is(request.getContentType(), "application/x-www-form-urlencoded")) {
			throw UploadException.unsupportedMediaType("application/octet-stream");
		}
	}

	private static UploadMetadata metadata(String path, String contentType) {
		if (path == null || path.isBlank()) {
			throw UploadException.badRequest("missing-filename", "File name missing",
					"Name the file with ?path=/folder/name.ext.");
		}
		int slash = path.lastIndexOf('/');
		Map<String, String> values = new LinkedHashMap<>();
		values.put("filename", path.substring(slash + 1));
		if (slash > 0) {
			values.put("folder", path.substring(0, slash));
		}
		if (contentType != null && !contentType.isBlank()
				&& !contentType.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
			values.put("filetype", contentType);
		}
		return new UploadMetadata(values);
	}

	private static ChunkWriter.Chunk chunk(HttpServletRequest request) throws IOException {
		return new ChunkWriter.Chunk(request.getInputStream(), request.getContentLengthLong(), null);
	}

	private static UUID uploadId(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw UploadException.notFound();
		}
	}

}
