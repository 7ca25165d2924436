package dev.ferry.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import dev.ferry.preview.PreviewService.Shown;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A file's preview image. The ETag names the file's content, so a browser keeps a preview
 * until the file changes.
 */
@Tag(name = "preview")
@RestController
class PreviewController {

	private final PreviewService previews;

	private final PreviewStore store;

	PreviewController(PreviewService previews, PreviewStore store) {
		this.previews = previews;
		this.store = store;
	}

	@BinaryAnswer({ "image/png", "image/jpeg" })
	@Operation(operationId = "getFilePreview", summary = "A file's preview image (PNG or JPEG); 404 while none exists")
	@GetMapping("/api/v1/files/{id}/preview")
	void preview(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Shown shown = previews.find(user, id);
		String etag = "\"preview-" + shown.file().sha256() + "\"";
		response.setHeader(HttpHeaders.ETAG, etag);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=300");
		if (etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(shown.preview().contentType());
		response.setContentLengthLong(shown.preview().size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline");
		try (InputStream in = store.open(shown.preview()); OutputStream out = response.getOutputStream()) {
			in.transferTo(out);
		}
	}

}
