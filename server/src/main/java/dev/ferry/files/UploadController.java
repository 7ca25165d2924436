package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plain uploads for curl and scripts: {@code curl -F path=/docs -F f=@a.pdf} (multipart,
 * parsed as a stream, part by part) and {@code curl -T a.pdf ...?path=/docs/a.pdf} (raw
 * body). A multipart request is all or nothing: if one file fails, the ones stored before
 * it are deleted again.
 */
@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/files")
class UploadController {

	private static final int MAX_FIELD_BYTES = 8 * 1024;

	private static final int MAX_FILES = 1000;

	/** The form fields that must come before the files they apply to. */
	private static final Set<String> FIELDS = Set.of("path", "folder", "on_conflict");

	private final FileService files;

	private final PlainUploads uploads;

	private final JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> multipart = new JakartaServletFileUpload<>();

	UploadController(FileService files, PlainUploads uploads) {
		this.files = files;
		this.uploads = uploads;
		this.multipart.setHeaderCharset(StandardCharsets.UTF_8);
		this.multipart.setMaxFileCount(MAX_FILES);
	}

	/**
	 * The body is described for generated clients (the SDKs), which read no servlet code.
	 */
	@Operation(operationId = "uploadFileContent", summary = "Upload one file as the request body",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary"))),
			responses = @ApiResponse(responseCode = "201", description = "Created",
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = FileView.class))))
	@PutMapping("/content")
	ResponseEntity<FileView> put(@AuthenticationPrincipal CurrentUser user, @RequestParam String path,
			@RequestParam(name = "on_conflict", required = false) String onConflict, HttpServletRequest request)
			throws IOException {
		FileCatalog.Placement placement = files.checkPath(user, path);
		FileCatalog.Conflict conflict = FileCatalog.Conflict.parse(onConflict);
		FileRecord file = uploads.store(user, "plain", placement, request.getContentType(), request.getInputStream(),
				request.getContentLengthLong(), conflict, true);
		return ResponseEntity.created(URI.create("/api/v1/files/" + file.id())).body(FileView.of(file));
	}

	@Operation(operationId = "uploadFiles", summary = "Upload files as multipart/form-data")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Uploaded> post(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
		return receive(user, request);
	}

	/**
	 * The classic route of the same upload. Chunked bodies with {@code Content-Range} to
	 * this URL are the upload module's, whose operation documents both forms: one
	 * operation may carry only one module's tag.
	 */
	@Hidden
	@PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Uploaded> upload(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
		return receive(user, request);
	}

	private ResponseEntity<Uploaded> receive(CurrentUser user, HttpServletRequest request) {
		List<FileRecord> stored = new ArrayList<>();
		try {
			readParts(user, request, stored);
		}
		catch (IOException ex) {
			rollback(user, stored);
			throw FileException.invalidUpload("The multipart body is malformed or was cut off.");
		}
		catch (RuntimeException ex) {
			rollback(user, stored);
			throw ex;
		}
		if (stored.isEmpty()) {
			throw FileException.invalidUpload("The request holds no file: send each file as a part with a filename.");
		}
		// Only now: undoing one file of the request (a later one over the quota) must
		// still find the version it replaced, even where the account keeps only one.
		files.pruneVersions(stored);
		return ResponseEntity.status(201).body(new Uploaded(stored.stream().map(FileView::of).toList()));
	}

	/**
	 * The folder must come before the files, since each file is stored as it streams by.
	 */
	private void readParts(CurrentUser user, HttpServletRequest request, List<FileRecord> stored) throws IOException {
		FileItemInputIterator parts = multipart.getItemIterator(request);
		String folder = null;
		FileCatalog.Conflict conflict = FileCatalog.Conflict.VERSION;
		while (parts.hasNext()) {
			FileItemInput part = parts.next();
			if (part.isFormField()) {
				if (FIELDS.contains(part.getFieldName()) && !stored.isEmpty()) {
					throw FileException.invalidUpload("Send the '" + part.getFieldName() + "' field before the files.");
				}
				if ("path".equals(part.getFieldName()) || "folder".equals(part.getFieldName())) {
					folder = readField(part.getInputStream());
				}
				else if ("on_conflict".equals(part.getFieldName())) {
					conflict = FileCatalog.Conflict.parse(readField(part.getInputStream()));
				}
				continue;
			}
			String name = fileName(part);
			if (name == null || name.isEmpty()) {
				continue;
			}
			FileCatalog.Placement placement = files.checkPlacement(user, folder, formFileName(name));
			stored.add(uploads.store(user, "plain", placement, part.getContentType(), part.getInputStream(), -1,
					conflict, false));
		}
	}

	/**
	 * commons-fileupload refuses a filename with a NUL character by throwing
	 * {@link InvalidPathException}, a fault of the request and so a 400, not a 500.
	 */
	private static String fileName(FileItemInput part) {
		try {
			return part.getName();
		}
		catch (InvalidPathException ex) {
			throw FileException.invalidUpload("A part's filename must not contain a NUL character.");
		}
	}

	/**
	 * Browsers and curl send a double quote in a part's filename as {@code %22} (WHATWG
	 * multipart encoding); line breaks, sent as {@code %0A}/{@code %0D}, stay rejected.
	 */
	private static String formFileName(String sent) {
		return sent.replace("%22", "\"");
	}

	private static String readField(InputStream in) throws IOException {
		byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
		if (value.length > MAX_FIELD_BYTES) {
			throw FileException.invalidUpload("A form field is longer than " + MAX_FIELD_BYTES + " bytes.");
		}
		return new String(value, StandardCharsets.UTF_8);
	}

	private void rollback(CurrentUser user, List<FileRecord> stored) {
		for (int i = stored.size() - 1; i >= 0; i--) {
			files.undoArrival(user, stored.get(i));
		}
	}

	record Uploaded(List<FileView> items) {
	}

}
