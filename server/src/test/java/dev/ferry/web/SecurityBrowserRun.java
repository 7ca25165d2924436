package dev.ferry.web;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.BrowserRun;
import tools.jackson.databind.JsonNode;

/**
 * Runs one part of web/e2e/security-e2e.mjs against a server on {@code localhost} (a
 * passkey needs a host name) and answers its result, after checking what every part must
 * hold: no CSP violation, no script error, and axe-clean screens in light, dark and phone
 * width.
 */
final class SecurityBrowserRun {

	private SecurityBrowserRun() {
	}

	static JsonNode run(String part, int port, Map<String, String> env, List<String> screens) throws Exception {
		Map<String, String> all = new HashMap<>(env);
		all.put("FERRY_E2E_PART", part);
		JsonNode summary = BrowserRun.run("security", "security-" + part, "http://localhost:" + port, all,
				Duration.ofMinutes(10), (line) -> null);
		BrowserRun.assertScreens(summary, screens, List.of("light", "dark", "phone"));
		return summary;
	}

}
