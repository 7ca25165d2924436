package dev.ferry.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translated UI in Chromium: web/e2e/i18n-e2e.mjs opens the sign-in and files pages
 * in the pseudo-locales en-XA (accented, about 30 % longer) and ar-XB (right to left),
 * checks {@code <html lang dir>}, that nothing overflows sideways and the primary button
 * is on screen and uncovered, scans each with axe and leaves screenshots light, dark and
 * at phone width.
 */
class I18nUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("i18n-signin-en-XA", "i18n-signin-ar-XB", "i18n-files-en-XA",
			"i18n-files-ar-XB");

	@Test
	void pseudoLocalesLayOutLeftToRightAndRightToLeft() throws Exception {
		String email = "i18n." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "i18n-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Ada Lovelace"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		JsonNode summary = BrowserRun.run("i18n", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password),
				Duration.ofMinutes(3));

		for (String page : List.of("signin", "files")) {
			JsonNode ltr = summary.get("locales").get("en-XA").get("i18n-" + page + "-en-XA").get("light");
			assertThat(ltr.get("lang").asString()).isEqualTo("en-XA");
			assertThat(ltr.get("dir").asString()).isEqualTo("ltr");
			JsonNode rtl = summary.get("locales").get("ar-XB").get("i18n-" + page + "-ar-XB").get("phone");
			assertThat(rtl.get("lang").asString()).isEqualTo("ar-XB");
			assertThat(rtl.get("dir").asString()).isEqualTo("rtl");
			assertThat(rtl.get("heading").asString()).startsWith("[").endsWith("]");
		}
		BrowserRun.assertScreens(summary, SCREENS, List.of("light", "dark", "phone"));
	}

}
