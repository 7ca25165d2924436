package dev.ferry.share;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GrantIntegrationTests extends ShareIntegrationTest {

	@Test
	void grantedFileShowsUpForTheGranteeAndDownloadsWithDownloadPermission() {
		Account owner = newUser();
		Account reader = newUser();
		Account viewer = newUser("GUEST");
		String fileId = upload(owner, "/granted.txt", "for your eyes".getBytes());

		Api.Response granted = api.post("/api/v1/files/" + fileId + "/grants",
				Map.of("email", reader.email().toUpperCase(), "permission", "download"), owner.token());
		api.post("/api/v1/files/" + fileId + "/grants", Map.of("user_id", viewer.id().toString(), "permission", "view"),
				owner.token());

		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(granted.json().get("grantee_name").asString()).isEqualTo(reader.email());
		JsonNode shared = api.get("/api/v1/shared-with-me", reader.token()).json().get("items");
		assertThat(shared).hasSize(1);
		assertThat(shared.get(0).get("type").asString()).isEqualTo("file");
		assertThat(shared.get(0).get("name").asString()).isEqualTo("granted.txt");
		assertThat(shared.get(0).get("permission").asString()).isEqualTo("download");
		String download = "/api/v1/shared-with-me/files/" + fileId + "/download";
		Api.Response whole = api.get(download, reader.token());
		assertThat(whole.body()).isEqualTo("for your eyes");
		assertThat(api.send(api.builder(download, reader.token()).method("HEAD", BodyPublishers.noBody())).status())
			.isEqualTo(200);
		assertThat(
				api.send(api.builder(download, reader.token()).header("If-None-Match", whole.header("ETag"))).status())
			.isEqualTo(304);
		assertThat(api.send(api.builder(download, reader.token()).header("Range", "bytes=100-")).status())
			.isEqualTo(416);
		// A body's record is written once it went out, which the client may see first.
		await().untilAsserted(() -> assertThat(auditActions(fileId)).contains("grant.download:success")
			.containsOnlyOnce("grant.download_head:success", "grant.download_not_modified:success",
					"grant.download:failure"));
		assertThat(api.get("/api/v1/shared-with-me", viewer.token()).json().get("items")).hasSize(1);
		assertThat(api.get("/api/v1/shared-with-me/files/" + fileId + "/download", viewer.token()).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/files/" + fileId, reader.token()).status()).isEqualTo(404);
		JsonNode grants = api.get("/api/v1/files/" + fileId + "/grants", owner.token()).json().get("items");
		assertThat(grants).hasSize(2);

		String grantId = granted.json().get("id").asString();
		assertThat(api.delete("/api/v1/files/" + fileId + "/grants/" + grantId, owner.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/shared-with-me/files/" + fileId + "/download", reader.token()).status())
			.isEqualTo(404);
		assertThat(api.delete("/api/v1/files/" + fileId + "/grants/" + grantId, owner.token()).status()).isEqualTo(404);
		assertThat(auditActions(fileId)).contains("grant.created:success", "grant.download:success",
				"grant.deleted:success", "grant.deleted:failure");
	}

	@Test
	void transferGrantedToAGroupReachesItsMembersWhileTheTransferLives() {
		Account owner = newUser();
		Account member = newUser();
		Account outsider = newUser();
		String admin = adminToken();
		String groupId = api.post("/api/v1/admin/groups", Map.of("name", "Team " + UUID.randomUUID()), admin)
			.json()
			.get("id")
			.asString();
		Api.Response added = api.post("/api/v1/admin/groups/" + groupId + "/members",
				Map.of("user_id", member.id().toString()), admin);
		assertThat(added.json().get("members").get(0).get("email").asString()).isEqualTo(member.email());
		String fileId = upload(owner, "/team.txt", "team notes".getBytes());
		String transferId = transfer(owner, fileId).get("id").asString();

		Api.Response granted = api.post("/api/v1/transfers/" + transferId + "/grants",
				Map.of("group_id", groupId, "permission", "edit"), owner.token());

		assertThat(granted.status()).isEqualTo(201);
		JsonNode items = api.get("/api/v1/shared-with-me", member.token()).json().get("items");
		assertThat(items.get(0).get("type").asString()).isEqualTo("transfer");
		assertThat(items.get(0).get("files").get(0).get("name").asString()).isEqualTo("team.txt");
		assertThat(api.get("/api/v1/shared-with-me/files/" + fileId + "/download", member.token()).body())
			.isEqualTo("team notes");
		assertThat(api.get("/api/v1/shared-with-me", outsider.token()).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/shared-with-me/files/" + fileId + "/download", outsider.token()).status())
			.isEqualTo(404);

		api.delete("/api/v1/transfers/" + transferId, owner.token());
		assertThat(api.get("/api/v1/shared-with-me", member.token()).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/shared-with-me/files/" + fileId + "/download", member.token()).status())
			.isEqualTo(404);
	}

	@Test
	void onlyAdminsManageGroups() {
		Account user = newUser();

		assertThat(api.post("/api/v1/admin/groups", Map.of("name", "Nope"), user.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/groups", user.token()).status()).isEqualTo(403);
		String admin = adminToken();
		String name = "Dup " + UUID.randomUUID();
		String id = api.post("/api/v1/admin/groups", Map.of("name", name), admin).json().get("id").asString();
		assertThat(api.post("/api/v1/admin/groups", Map.of("name", name), admin).status()).isEqualTo(409);
		api.post("/api/v1/admin/groups/" + id + "/members", Map.of("email", user.email()), admin);
		assertThat(api.delete("/api/v1/admin/groups/" + id + "/members/" + user.id(), admin).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/admin/groups/" + id + "/members/" + user.id(), admin).status()).isEqualTo(404);
		assertThat(api
			.post("/api/v1/admin/groups/" + id + "/members", Map.of("email", "nobody-" + id + "@ferry.test"), admin)
			.status()).isEqualTo(404);
		assertThat(auditActions(id)).contains("group.member_removed:success", "group.member_removed:failure",
				"group.member_added:failure");
		assertThat(api.get("/api/v1/admin/groups/" + id, admin).json().get("members")).isEmpty();
		assertThat(api.delete("/api/v1/admin/groups/" + id, admin).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/admin/groups/" + id, admin).status()).isEqualTo(404);
	}

	@Test
	void adminsRenameGroupsAndNamesMustStayUnique() {
		String admin = adminToken();
		String name = "Old " + UUID.randomUUID();
		String taken = "Taken " + UUID.randomUUID();
		String id = api.post("/api/v1/admin/groups", Map.of("name", name), admin).json().get("id").asString();
		api.post("/api/v1/admin/groups", Map.of("name", taken), admin);
		Account user = newUser();

		Api.Response renamed = api.patch("/api/v1/admin/groups/" + id, Map.of("name", "  New " + name + " "), admin);

		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo("New " + name);
		assertThat(api.patch("/api/v1/admin/groups/" + id, Map.of("name", taken), admin).status()).isEqualTo(409);
		assertThat(api.patch("/api/v1/admin/groups/" + id, Map.of("name", " "), admin).status()).isEqualTo(400);
		assertThat(api.patch("/api/v1/admin/groups/" + id, Map.of("name", "Mine"), user.token()).status())
			.isEqualTo(403);
		assertThat(api.patch("/api/v1/admin/groups/" + UUID.randomUUID(), Map.of("name", "X"), admin).status())
			.isEqualTo(404);
		assertThat(auditActions(id)).contains("group.renamed:success");
	}

	@Test
	void whoeverMayShareListsGroupNamesButNotTheirMembers() {
		String admin = adminToken();
		Account member = newUser();
		Account sharer = newUser();
		Account guest = newUser("GUEST");
		String name = "Directory " + UUID.randomUUID();
		String id = api.post("/api/v1/admin/groups", Map.of("name", name), admin).json().get("id").asString();
		api.post("/api/v1/admin/groups/" + id + "/members", Map.of("user_id", member.id().toString()), admin);

		Api.Response directory = api.get("/api/v1/groups", sharer.token());

		assertThat(directory.status()).isEqualTo(200);
		JsonNode group = null;
		for (JsonNode item : directory.json().get("items")) {
			if (item.get("id").asString().equals(id)) {
				group = item;
			}
		}
		assertThat(group).isNotNull();
		assertThat(group.get("name").asString()).isEqualTo(name);
		assertThat(group.propertyNames()).containsExactlyInAnyOrder("id", "name");
		assertThat(api.get("/api/v1/groups", guest.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/groups", null).status()).isEqualTo(401);
	}

	@Test
	void grantsAreValidated() {
		Account owner = newUser();
		String fileId = upload(owner, "/v.txt", "v".getBytes());
		String path = "/api/v1/files/" + fileId + "/grants";

		assertThat(
				api.post(path, Map.of("user_id", owner.id().toString(), "permission", "view"), owner.token()).status())
			.isEqualTo(400);
		assertThat(api.post(path, Map.of("email", "nobody@nowhere.test", "permission", "view"), owner.token()).status())
			.isEqualTo(404);
		assertThat(api.post(path, Map.of("email", "x@y.test", "permission", "own"), owner.token()).status())
			.isEqualTo(400);
		assertThat(api.post(path, Map.of("permission", "view"), owner.token()).status()).isEqualTo(400);
		assertThat(api.post(path, List.of(), owner.token()).status()).isEqualTo(400);
		assertThat(api.get(path, owner.token()).status()).isEqualTo(200);
		assertThat(auditActions(fileId)).as("refusals, a probe for an account among them, and the read")
			.containsSubsequence("grant.created:failure", "grant.created:failure", "grant.created:failure",
					"grant.created:failure", "grant.listed:success");
	}

	/**
	 * Both requests find the name free before either inserts it: the loser gets a 409 to
	 * try again, not a 500.
	 */
	@Test
	void groupsCreatedAtOnceUnderOneNameGiveOneGroupAndConflicts() throws Exception {
		String admin = adminToken();
		String name = "Race " + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> api.post("/api/v1/admin/groups", Map.of("name", name), admin).status()));
			}
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_groups WHERE name = ?").param(name).query(Long.class).single())
			.isEqualTo(1);
	}

}
