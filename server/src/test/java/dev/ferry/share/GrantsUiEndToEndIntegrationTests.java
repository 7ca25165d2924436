package dev.ferry.share;

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
 * Internal sharing in a real browser: web/e2e/grants-e2e.mjs has one user share an
 * uploaded file with another and a group through the Share dialog; the other finds it
 * under Shared with me in a second browser profile and downloads the same SHA-256; the
 * owner removes the grant and it disappears; a transfer's share dialog lists its grant;
 * an admin creates a group and adds a member on the Groups screen. Every new screen is
 * scanned with axe-core in light and dark and shot at phone width.
 */
class GrantsUiEndToEndIntegrationTests extends IntegrationTest {

	@Test
	void aFileSharedThroughTheDialogReachesTheGranteeUntilRevoked() throws Exception {
		String admin = adminToken();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> ada = user(admin, "ada." + suffix, "Ada Lovelace", "user");
		Map<String, String> bob = user(admin, "bob." + suffix, "Bob Kahn", "user");
		Map<String, String> cy = user(admin, "cy." + suffix, "Cy Young", "user");
		Map<String, String> grace = user(admin, "grace." + suffix, "Grace Hopper", "admin");
		String group = "Surveyors " + suffix;
		String groupId = api.post("/api/v1/admin/groups", Map.of("name", group), admin).json().get("id").asString();
		api.post("/api/v1/admin/groups/" + groupId + "/members", Map.of("email", cy.get("email")), admin);
		String newGroup = "Field team " + suffix;

		JsonNode summary = BrowserRun.run("grants", port,
				Map.of("FERRY_OWNER_EMAIL", ada.get("email"), "FERRY_OWNER_PASSWORD", ada.get("password"),
						"FERRY_GRANTEE_EMAIL", bob.get("email"), "FERRY_GRANTEE_PASSWORD", bob.get("password"),
						"FERRY_ADMIN_EMAIL", grace.get("email"), "FERRY_ADMIN_PASSWORD", grace.get("password"),
						"FERRY_GROUP", group, "FERRY_NEW_GROUP", newGroup),
				Duration.ofMinutes(6));

		BrowserRun.assertScreens(summary,
				List.of("grants-dialog", "shared-with-me", "shared-with-me-empty", "admin-groups"));
		assertThat(summary.get("screens").get("grants-transfer-dialog")).as("axe on the transfer's share dialog")
			.isEmpty();
		assertThat(summary.get("download").get("sha256").asString())
			.isEqualTo(summary.get("download").get("expected").asString());
		String owner = api.login(ada.get("email"), ada.get("password"));
		JsonNode files = api.get("/api/v1/files?path=/&name=" + summary.get("file").asString(), owner)
			.json()
			.get("items");
		assertThat(files).hasSize(1);
		JsonNode grants = api.get("/api/v1/files/" + files.get(0).get("id").asString() + "/grants", owner)
			.json()
			.get("items");
		assertThat(grants).singleElement()
			.satisfies((g) -> assertThat(g.get("grantee_name").asString()).isEqualTo(group));
		JsonNode created = null;
		for (JsonNode g : api.get("/api/v1/admin/groups", admin).json().get("items")) {
			if (g.get("name").asString().equals(newGroup)) {
				created = g;
			}
		}
		assertThat(created).as("the group created in the browser").isNotNull();
		assertThat(created.get("members").get(0).get("email").asString()).isEqualTo(bob.get("email"));
	}

	private Map<String, String> user(String admin, String local, String name, String role) {
		String email = local + "@ferry.test";
		String password = "grants-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", role, "name", name), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return Map.of("email", email, "password", password);
	}

}
