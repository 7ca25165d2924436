package dev.ferry.files;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import dev.ferry.BinaryAnswer;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.ZipSetRepository.ZipSet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A ZIP of many files that a browser downloads natively: register the ids, then GET the
 * set's download (with a download ticket from {@code POST /api/v1/download-tickets}).
 * {@code POST /api/v1/files/bulk} with {@code zip} still answers the archive at once.
 */
@Tag(name = "files")
@RestController
class ZipsController {

	private final ZipSets sets;

	ZipsController(ZipSets sets) {
		this.sets = sets;
	}

	@Operation(operationId = "createZipSet",
			summary = "Register files to download as one ZIP with a plain GET, for a few minutes")
	@PostMapping("/api/v1/files/zips")
	ResponseEntity<ZipSetView> register(@AuthenticationPrincipal CurrentUser user, @RequestBody ZipSetRequest body) {
		if (body == null) {
			throw BulkProblems.invalid("Send the 'ids' of the files to put in the ZIP.");
		}
		ZipSetView view = ZipSetView.of(sets.register(user, body.ids()));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(view.downloadUrl())).body(view);
	}

	@BinaryAnswer("application/zip")
	@Operation(operationId = "downloadZipSet", summary = "Download a registered set of files as one ZIP, streamed")
	@GetMapping("/api/v1/files/zips/{id}/download")
	void download(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		// A HEAD (a download manager's probe) must not build, and audit, the whole
		// archive.
		boolean head = "HEAD".equals(request.getMethod());
		List<FileRecord> files = sets.open(user, id, head);
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"files.zip\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
		if (!head) {
			sets.write(files, response.getOutputStream());
		}
	}

	record ZipSetRequest(List<String> ids) {
	}

	/** {@code download_url}: where the ZIP streams from, for a download ticket. */
	record ZipSetView(String id, int count, String downloadUrl, String expiresAt) {

		static ZipSetView of(ZipSet set) {
			return new ZipSetView(set.id().toString(), set.fileIds().size(),
					"/api/v1/files/zips/" + set.id() + "/download", set.expiresAt().toString());
		}

	}

}
