package dev.ferry.share;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every owner-side endpoint of sharing, called by another user with the owner's ids: each
 * answers 404 (not 403, and never the object), and nothing changes.
 */
class CrossUserIntegrationTests extends ShareIntegrationTest {

	@Test
	void anotherUsersIdsAreNotFoundEverywhere() {
		Account owner = newUser();
		Account intruder = newUser();
		String fileId = upload(owner, "/private.txt", "mine".getBytes());
		String transferId = transfer(owner,
				Map.of("title", "Mine", "file_ids", List.of(fileId), "recipients", List.of("r@example.test")))
			.get("id")
			.asString();
		String linkId = link(owner, transferId, Map.of()).get("id").asString();
		String fileGrant = api
			.post("/api/v1/files/" + fileId + "/grants",
					Map.of("email", IntegrationTest.ADMIN_EMAIL, "permission", "view"), owner.token())
			.json()
			.get("id")
			.asString();
		String requestId = api
			.post("/api/v1/upload-requests", Map.of("title", "Inbox", "max_files", 1, "max_total_bytes", 10),
					owner.token())
			.json()
			.get("id")
			.asString();
		String t = intruder.token();
		String transfer = "/api/v1/transfers/" + transferId;

		List<Api.Response> responses = List.of(api.get(transfer, t), api.patch(transfer, Map.of("title", "Hacked"), t),
				api.delete(transfer, t), api.get(transfer + "/recipients", t), api.get(transfer + "/activity", t),
				api.post(transfer + "/share", Map.of(), t), api.delete(transfer + "/shares/" + linkId, t),
				api.post(transfer + "/notify", Map.of(), t),
				api.post(transfer + "/grants", Map.of("email", intruder.email(), "permission", "download"), t),
				api.get(transfer + "/grants", t),
				api.post("/api/v1/files/" + fileId + "/grants", Map.of("email", intruder.email(), "permission", "edit"),
						t),
				api.get("/api/v1/files/" + fileId + "/grants", t),
				api.delete("/api/v1/files/" + fileId + "/grants/" + fileGrant, t),
				api.get("/api/v1/shared-with-me/files/" + fileId + "/download", t),
				api.post("/api/v1/transfers", Map.of("title", "Steal", "file_ids", List.of(fileId)), t),
				api.get("/api/v1/upload-requests/" + requestId, t),
				api.get("/api/v1/upload-requests/" + requestId + "/files", t),
				api.delete("/api/v1/upload-requests/" + requestId, t));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).as(response.body()).isEqualTo(404);
			assertThat(response.body()).doesNotContain("Mine").doesNotContain("private.txt").doesNotContain("Inbox");
		});
		JsonNode transferNow = api.get(transfer, owner.token()).json();
		assertThat(transferNow.get("title").asString()).isEqualTo("Mine");
		assertThat(transferNow.get("status").asString()).isEqualTo("active");
		assertThat(transferNow.get("shares").get(0).get("status").asString()).isEqualTo("active");
		assertThat(api.get("/api/v1/transfers", t).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/upload-requests", t).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/shared-with-me", t).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/files/" + fileId + "/grants", owner.token()).json().get("items")).hasSize(1);
		assertThat(api.get("/api/v1/upload-requests/" + requestId, owner.token()).json().get("status").asString())
			.isEqualTo("active");
	}

	@Test
	void withoutCredentialsOwnerEndpointsAskToSignIn() {
		Api.Response response = api.send(api.builder("/api/v1/transfers", null).GET());
		Api.Response shared = api
			.send(api.builder("/api/v1/shared-with-me", null).method("GET", HttpRequest.BodyPublishers.noBody()));

		assertThat(response.status()).isEqualTo(401);
		assertThat(shared.status()).isEqualTo(401);
	}

}
