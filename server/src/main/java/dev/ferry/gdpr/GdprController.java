package dev.ferry.gdpr;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "gdpr")
@RestController
class GdprController {

	private final GdprExports exports;

	GdprController(GdprExports exports) {
		this.exports = exports;
	}

	@Operation(operationId = "requestDataExport",
			summary = "Ask for a ZIP of your personal data and files; a link is mailed when it is ready")
	@PostMapping("/api/v1/me/export")
	@ResponseStatus(HttpStatus.ACCEPTED)
	GdprExports.ExportView request(@AuthenticationPrincipal CurrentUser caller) {
		return exports.request(caller);
	}

	@Operation(operationId = "listDataExports", summary = "Your data exports and their state")
	@GetMapping("/api/v1/me/exports")
	List<GdprExports.ExportView> list(@AuthenticationPrincipal CurrentUser caller) {
		return exports.list(caller);
	}

	/** The token in the path is the credential, as mailed. */
	@BinaryAnswer("application/zip")
	@Operation(operationId = "downloadDataExport", summary = "Download a data export with the mailed link")
	@GetMapping(GdprExports.DOWNLOAD + "{token}")
	void download(@PathVariable String token, HttpServletResponse response) throws IOException {
		GdprExports.Download download = exports.open(token);
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename=\"ferry-personal-data.zip\"");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLengthLong(download.size());
		try (InputStream body = download.body()) {
			body.transferTo(response.getOutputStream());
		}
	}

}
