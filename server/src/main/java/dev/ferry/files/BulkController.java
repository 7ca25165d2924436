package dev.ferry.files;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Many files in one request: {@code move}, {@code delete} and {@code tag} answer the job
 * (finished: 200; still running: 202 with its {@code Location}), {@code zip} the ZIP,
 * {@code share} the one transfer it created (201), like {@code POST /api/v1/transfers}.
 */
@Tag(name = "files")
@RestController
@RequestMapping("/api/v1/files/bulk")
class BulkController {

	private final BulkService bulk;

	private final BulkZip zip;

	private final BulkShares shares;

	BulkController(BulkService bulk, BulkZip zip, BulkShares shares) {
		this.bulk = bulk;
		this.zip = zip;
		this.shares = shares;
	}

	@Operation(operationId = "bulkFiles", summary = "Move, delete, tag, share or download as ZIP many files at once")
	@PostMapping
	ResponseEntity<?> run(@AuthenticationPrincipal CurrentUser user, @RequestBody BulkRequest.Body body,
			HttpServletResponse response) throws IOException {
		BulkRequest request = BulkRequest.of(body);
		if (request.kind() == BulkRequest.Kind.SHARE) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(shares.share(user, request.ids(), request.transfer()));
		}
		if (request.kind() == BulkRequest.Kind.ZIP) {
			List<FileRecord> files = zip.check(user, request.ids());
			response.setContentType("application/zip");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"files.zip\"");
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
			zip.write(files, response.getOutputStream());
			return null;
		}
		BulkJob job = bulk.start(user, request);
		if (BulkJob.DONE.equals(job.status())) {
			return ResponseEntity.ok(JobView.of(job));
		}
		return ResponseEntity.accepted().location(URI.create("/api/v1/files/bulk/" + job.id())).body(JobView.of(job));
	}

	@Operation(operationId = "getBulkJob", summary = "A bulk job's progress")
	@GetMapping("/{id}")
	JobView status(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return JobView.of(bulk.status(user, id));
	}

	/** A bulk job as the API shows it. */
	record JobView(String id, String operation, String status, int total, int done, int skipped, int failed,
			String createdAt, String updatedAt) {

		static JobView of(BulkJob job) {
			return new JobView(job.id().toString(), job.operation(), job.status(), job.total(), job.done(),
					job.skipped(), job.failed(), job.createdAt().toString(), job.updatedAt().toString());
		}

	}

}
