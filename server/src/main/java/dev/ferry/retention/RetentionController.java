package dev.ferry.retention;

import java.time.Instant;
import java.util.Map;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "retention")
@RestController
@RequestMapping("/api/v1/admin/retention")
class RetentionController {

	private final RetentionService retention;

	RetentionController(RetentionService retention) {
		this.retention = retention;
	}

	@Operation(operationId = "getRetention", summary = "The retention policies: days kept per category")
	@GetMapping
	RetentionSettings get(@AuthenticationPrincipal CurrentUser caller) {
		return new RetentionSettings(retention.get(caller));
	}

	@Operation(operationId = "putRetention", summary = "Replace the retention policies")
	@PutMapping
	RetentionSettings put(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody RetentionSettings body) {
		return new RetentionSettings(retention.replace(caller, body.policies()));
	}

	@Operation(operationId = "previewRetention", summary = "Dry run: what the next retention run will remove")
	@GetMapping("/preview")
	RetentionPlan preview(@AuthenticationPrincipal CurrentUser caller,
			@RequestParam(name = "as_of", required = false) Instant asOf) {
		return retention.preview(caller, asOf);
	}

	@Operation(operationId = "runRetention", summary = "Run retention now (optionally as of a dry run's as_of)")
	@PostMapping("/run")
	RetentionPlan run(@AuthenticationPrincipal CurrentUser caller,
			@RequestParam(name = "as_of", required = false) Instant asOf) {
		return retention.run(caller, asOf);
	}

	/**
	 * Days kept per category ({@code files}, {@code versions}, {@code trash},
	 * {@code transfers}, {@code download_logs}, {@code audit}); a missing category keeps
	 * forever.
	 */
	record RetentionSettings(@NotNull Map<String, Integer> policies) {
	}

}
