package dev.ferry.audit;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1")
class AuditController {

	private static final String ACTOR = "User id of the actor.";

	/**
	 * The auth module's download ticket parameter, spelled out here because the audit
	 * module sits below auth.
	 */
	private static final String DOWNLOAD_TICKET = "ticket";

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@Operation(operationId = "searchAuditLogs", summary = "Search the audit trail, newest first")
	@GetMapping("/admin/audit-logs")
	@FilterParameters
	@Parameter(in = ParameterIn.QUERY, name = "actor", description = ACTOR,
			schema = @Schema(type = "string", format = "uuid"))
	@PagingParameters
	AuditPage search(@Parameter(hidden = true) @AuthenticationPrincipal AuditActor.Source caller,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		return trail.search(caller, query);
	}

	@Operation(operationId = "verifyAuditChain", summary = "Verify the hash chain of the audit trail")
	@GetMapping("/admin/audit-logs/verify")
	ChainVerification verify(@Parameter(hidden = true) @AuthenticationPrincipal AuditActor.Source caller) {
		return trail.verify(caller);
	}

	/**
	 * Writes the export on the request thread rather than through an async
	 * {@code StreamingResponseBody}: the servlet container's async timeout would cut a
	 * long export short, and a blocked (virtual) thread costs little. A browser downloads
	 * it with a download ticket in the query, which is a credential, not a filter.
	 */
	@Operation(operationId = "exportAuditLogs", summary = "Export audit records as CSV or NDJSON")
	@GetMapping("/admin/audit-logs/export")
	@FilterParameters
	@Parameter(in = ParameterIn.QUERY, name = "actor", description = ACTOR,
			schema = @Schema(type = "string", format = "uuid"))
	@ApiResponse(responseCode = "200", description = "The export, oldest record first.",
			content = { @Content(mediaType = "text/csv"), @Content(mediaType = "application/x-ndjson") })
	@Parameter(in = ParameterIn.QUERY, name = "format", description = "csv (the default) or ndjson.",
			schema = @Schema(type = "string", allowableValues = { "csv", "ndjson" }))
	@Parameter(in = ParameterIn.QUERY, name = "mask_pii",
			description = "true: emails, phone, card, IBAN, SSN and NINO numbers masked, addresses cut to their network.",
			schema = @Schema(type = "boolean"))
	void export(@Parameter(hidden = true) @AuthenticationPrincipal AuditActor.Source caller,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query, HttpServletResponse response)
			throws IOException {
		MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(query);
		filters.remove(DOWNLOAD_TICKET);
		AuditExport export = trail.export(caller, filters);
		response.setContentType(export.format().contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(export.filename()).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		export.body().writeTo(response.getOutputStream());
	}

	@Operation(operationId = "listMyActivity", summary = "The caller's own audit records")
	@GetMapping("/me/activity")
	@FilterParameters
	@PagingParameters
	AuditPage activity(@Parameter(hidden = true) @AuthenticationPrincipal AuditActor.Source caller,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> query) {
		return trail.activity(caller, query);
	}

}
