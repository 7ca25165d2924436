package dev.ferry.files;

import java.util.List;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A file's versions: {@code {version}} is the version's number as the list shows it.
 */
@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/files/{id}/versions")
class VersionsController {

	private final VersionService versions;

	private final RangeResponder responder;

	private final Uploaders uploaders;

	VersionsController(VersionService versions, RangeResponder responder, Uploaders uploaders) {
		this.versions = versions;
		this.responder = responder;
		this.uploaders = uploaders;
	}

	@Operation(operationId = "listFileVersions", summary = "List a file's versions, newest first")
	@GetMapping
	Versions list(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		Uploaders.Lookup lookup = uploaders.lookup();
		return new Versions(versions.list(user, id).stream().map((listed) -> VersionView.of(listed, lookup)).toList());
	}

	@BinaryAnswer(ranges = true)
	@Operation(operationId = "downloadFileVersion", summary = "Download one version of a file, whole or one range")
	@RequestMapping(path = "/{version}/download", method = { RequestMethod.GET, RequestMethod.HEAD })
	void download(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String version,
			HttpServletRequest request, HttpServletResponse response) {
		int number = number(version);
		FileRecord file = versions.forDownload(user, id, number);
		responder.respond(file, "api", request, response, versions.auditedDownload(file, number));
	}

	@Operation(operationId = "restoreFileVersion",
			summary = "Make a copy of an older version the file's newest version")
	@PostMapping("/{version}/restore")
	FileView restore(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String version) {
		return FileView.of(versions.restore(user, id, number(version)));
	}

	/** Anything but a positive number names no version: 404 like an unknown one. */
	private static int number(String version) {
		try {
			int number = Integer.parseInt(version);
			if (number > 0) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// falls through to the problem below
		}
		throw VersionProblems.notFound();
	}

	record Versions(List<VersionView> items) {
	}

	/**
	 * One version; {@code replacedAt} is null for the current one, {@code uploadedBy} for
	 * content from before uploaders were recorded or by an account since erased.
	 */
	record VersionView(int version, boolean current, String contentType, long size, String sha256, String createdAt,
			String replacedAt, String scanStatus, Uploaders.UploadedBy uploadedBy) {

		static VersionView of(VersionService.Listed listed, Uploaders.Lookup lookup) {
			return new VersionView(listed.version(), listed.current(), listed.contentType(), listed.size(),
					listed.sha256(), listed.createdAt(), listed.replacedAt(), listed.scanStatus(),
					lookup.of(listed.uploadedBy()));
		}

	}

}
