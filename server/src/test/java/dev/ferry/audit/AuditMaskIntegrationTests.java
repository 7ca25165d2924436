package dev.ferry.audit;

import java.time.Instant;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ?mask_pii=true} on the audit export: the same records, with emails masked and
 * client addresses cut to their network; without it nothing changes.
 */
class AuditMaskIntegrationTests extends AuditIntegrationTest {

	@Test
	void maskedExportsHideEmailsCardsAndAddresses() {
		String email = TestAccounts.uniqueEmail("masked");
		String from = Instant.now().minusSeconds(1).toString();
		failedLogin(email);
		String admin = adminToken();
		Map<String, String> filter = Map.of("format", "ndjson", "action", "auth.login", "outcome", "failure", "from",
				from);

		Api.Response plain = api.get(AUDIT_LOGS + "/export" + query(filter), admin);
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.body()).contains(email, "127.0.0.1");

		Api.Response masked = api.get(AUDIT_LOGS + "/export" + query(Map.of("format", "ndjson", "action", "auth.login",
				"outcome", "failure", "from", from, "mask_pii", "true")), admin);
		assertThat(masked.status()).isEqualTo(200);
		assertThat(masked.body()).doesNotContain(email)
			.doesNotContain("\"127.0.0.1\"")
			.contains("[email]", "127.0.0.0/24");
		assertThat(masked.body().lines().count()).isEqualTo(plain.body().lines().count());

		Api.Response bad = api.get(AUDIT_LOGS + "/export?mask_pii=yes", admin);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("parameter").asString()).isEqualTo("mask_pii");
	}

}
