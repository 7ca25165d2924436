package dev.ferry.admin;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/stats")
class AdminStatsController {

	private final AdminStats stats;

	AdminStatsController(AdminStats stats) {
		this.stats = stats;
	}

	/** Headline figures: accounts, files, storage, transfers and the last 24 hours. */
	@Operation(operationId = "getStatsOverview",
			summary = "Totals for the admin dashboard: accounts, files, transfers, storage")
	@GetMapping("/overview")
	StatsOverview overview(@AuthenticationPrincipal CurrentUser user) {
		return stats.overview(user);
	}

	/**
	 * Uploads, downloads, sign-ins and failed logins per UTC day, quiet days as zeros.
	 */
	@Operation(operationId = "getStatsActivity", summary = "Daily activity counts for the admin dashboard")
	@GetMapping("/activity")
	StatsActivity activity(@AuthenticationPrincipal CurrentUser user, @Parameter(
			description = "number of days, today included (1-365)") @RequestParam(defaultValue = "30") int days) {
		return stats.activity(user, days);
	}

	/** The accounts using the most storage, with the quota that applies to each. */
	@Operation(operationId = "getStorageStats", summary = "Storage use, largest accounts first")
	@GetMapping("/storage")
	Storage storage(@AuthenticationPrincipal CurrentUser user,
			@Parameter(description = "how many accounts (1-100)") @RequestParam(defaultValue = "10") int limit) {
		return new Storage(stats.storage(user, limit));
	}

	record Storage(List<UserStorage> items) {
	}

}
