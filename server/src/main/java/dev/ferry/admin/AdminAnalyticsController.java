package dev.ferry.admin;

import java.util.List;

import dev.ferry.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The classic route of the Secure File Transfer API design: the dashboard's figures (the
 * overview, the last 30 days and the ten largest accounts) in one document, with the same
 * admin check and audit as the three {@code /api/v1/admin/stats} endpoints it combines.
 */
@Tag(name = "admin")
@RestController
@RequestMapping("/api/v1/admin/analytics")
class AdminAnalyticsController {

	private static final int DAYS = 30;

	private static final int TOP_ACCOUNTS = 10;

	private final AdminStats stats;

	AdminAnalyticsController(AdminStats stats) {
		this.stats = stats;
	}

	@Operation(operationId = "getAnalytics",
			summary = "The dashboard's figures in one document: overview, 30 days of activity, largest accounts")
	@GetMapping
	Analytics analytics(@AuthenticationPrincipal CurrentUser user) {
		return new Analytics(stats.overview(user), stats.activity(user, DAYS), stats.storage(user, TOP_ACCOUNTS));
	}

	record Analytics(StatsOverview overview, StatsActivity activity, List<UserStorage> storage) {
	}

}
