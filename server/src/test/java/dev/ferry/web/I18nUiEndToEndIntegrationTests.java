package dev.ferry.web;

import java.time.Duration;
import java.util.ArrayList;
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
 * and sign-in, files, new transfer and a share page in German, Japanese and Arabic; it
 * checks {@code <html lang dir>}, that nothing overflows sideways and that the primary
 * button, found by its name in the locale's catalogue, is on screen and uncovered, scans
 * each with axe and leaves screenshots light, dark and at phone width.
 */
class I18nUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> PSEUDO = List.of("en-XA", "ar-XB");

	private static final List<String> SHIPPED = List.of("de", "ja", "ar");

	@Test
	void pseudoLocalesLayOutLeftToRightAndRightToLeft() throws Exception {
		String email = "i18n." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "i18n-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Ada Lovelace"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		String token = api.login(email, password);
		List<String> files = List.of(api.putFile("/i18n/report.txt", "i18n check: /i18n/report.txt\n", token),
				api.putFile("/i18n/figures.txt", "i18n check: /i18n/figures.txt\n", token));
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Quartalszahlen", "file_ids", files, "link", Map.of("max_downloads", 10)), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		String sharePath = "/s/" + transfer.json().get("link").get("token").asString();

		JsonNode summary = BrowserRun.run("i18n", port,
				Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password, "FERRY_SHARE_PATH", sharePath),
				Duration.ofMinutes(6));

		List<String> screens = new ArrayList<>();
		for (String locale : PSEUDO) {
			for (String page : List.of("signin", "files")) {
				screens.add(expectLaidOut(summary, locale, page));
			}
		}
		for (String locale : SHIPPED) {
			for (String page : List.of("signin", "files", "transfer-new", "share")) {
				screens.add(expectLaidOut(summary, locale, page));
			}
		}
		JsonNode pseudo = summary.get("locales").get("ar-XB").get("i18n-files-ar-XB").get("phone");
		assertThat(pseudo.get("primary").asString()).startsWith("[").endsWith("]");
		BrowserRun.assertScreens(summary, screens, List.of("light", "dark", "phone"));
	}

	/**
	 * The page's {@code <html lang dir>} as the browser saw it at phone width; its
	 * screen's name.
	 */
	private static String expectLaidOut(JsonNode summary, String locale, String page) {
		String screen = "i18n-" + page + "-" + locale;
		JsonNode phone = summary.get("locales").get(locale).get(screen).get("phone");
		assertThat(phone.get("lang").asString()).as(screen).isEqualTo(locale);
		assertThat(phone.get("dir").asString()).as(screen).isEqualTo(locale.startsWith("ar") ? "rtl" : "ltr");
		assertThat(phone.get("overflow").asInt()).as(screen).isLessThanOrEqualTo(0);
		return screen;
	}

}
