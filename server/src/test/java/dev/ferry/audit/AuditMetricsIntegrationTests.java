package dev.ferry.audit;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMetricsIntegrationTests extends AuditIntegrationTest {

	@Test
	void signInOutcomesAreCountedOnTheMetricsEndpoint() {
		double failuresBefore = scrape("auth.login", "failure");
		failedLogin(TestAccounts.uniqueEmail("metrics"));
		failedLogin(TestAccounts.uniqueEmail("metrics"));
		adminToken();
		assertThat(scrape("auth.login", "failure")).isEqualTo(failuresBefore + 2);
		assertThat(scrape("auth.login", "success")).isPositive();
	}

	/**
	 * The value of {@code ferry_audit_events_total} for one action and outcome, 0 if
	 * absent.
	 */
	private double scrape(String action, String outcome) {
		Api.Response metrics = api.get("/metrics", null);
		assertThat(metrics.status()).isEqualTo(200);
		String series = "ferry_audit_events_total{action=\"" + action + "\",outcome=\"" + outcome + "\"}";
		return metrics.body()
			.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1).trim()))
			.findFirst()
			.orElse(0);
	}

}
