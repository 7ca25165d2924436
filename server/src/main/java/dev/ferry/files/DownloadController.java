package dev.ferry.files;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owner's download of a file's content; the HTTP semantics live in
 * {@link RangeResponder}, shared with downloads through share links and grants.
 */
@Tag(name = "files")
@RestController
class DownloadController {

	private final FileService files;

	private final RangeResponder responder;

	DownloadController(FileService files, RangeResponder responder) {
		this.files = files;
		this.responder = responder;
	}

	@BinaryAnswer(ranges = true)
	@Operation(operationId = "downloadFile", summary = "Download a file's content, whole or one range")
	@RequestMapping(path = "/api/v1/files/{id}/download", method = { RequestMethod.GET, RequestMethod.HEAD })
	void download(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) {
		FileRecord file = files.forDownload(user, id);
		responder.respond(file, "api", request, response, files.auditedDownload(file));
	}

}
