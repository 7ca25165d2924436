package dev.ferry.files;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import dev.ferry.testing.TestAccounts.Account;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Empty folders through the real API: created with {@code POST /api/v1/folders}, shown in
 * the parent's listing next to folders that hold files, refused when the name is invalid,
 * the path is taken or the folder exists, private to their owner and erased with the
 * account.
 */
class FolderIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEmptyFolderIsCreatedAndShowsInItsParentsListing() {
		Account owner = accounts().user();
		put(owner, "/projects/alpha/plan.txt");

		Api.Response created = api.post("/api/v1/folders", Map.of("path", "projects//beta/"), owner.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("path").asString()).isEqualTo("/projects/beta");
		assertThat(created.json().get("created_at").asString()).startsWith("20");

		assertThat(folders(owner, "/projects")).containsExactly("/projects/alpha", "/projects/beta");
		assertThat(folders(owner, "/")).containsExactly("/projects");
		assertThat(folders(owner, "/projects/beta")).isEmpty();
		assertThat(api.get("/api/v1/files?path=/projects/beta", owner.token()).json().get("items")).isEmpty();

		Account other = accounts().user();
		assertThat(folders(other, "/projects")).isEmpty();
		assertThat(api.post("/api/v1/folders", Map.of("path", "/projects/beta"), other.token()).status())
			.isEqualTo(201);
	}

	@Test
	void anEmptyFolderIsDeletedAndOneThatHoldsAnythingIsNot() {
		Account owner = accounts().user();
		put(owner, "/full/readme.txt");
		for (String folder : List.of("/empty", "/parent/child")) {
			assertThat(api.post("/api/v1/folders", Map.of("path", folder), owner.token()).status()).isEqualTo(201);
		}

		assertThat(api.delete("/api/v1/folders?path=/empty", owner.token()).status()).isEqualTo(204);
		assertProblem(api.delete("/api/v1/folders?path=/empty", owner.token()), 404, "/problems/folder-not-found");
		assertProblem(api.delete("/api/v1/folders?path=/full", owner.token()), 409, "/problems/folder-not-empty");
		assertProblem(api.delete("/api/v1/folders?path=/parent", owner.token()), 409, "/problems/folder-not-empty");
		assertProblem(api.delete("/api/v1/folders?path=/", owner.token()), 400, "/problems/invalid-path");
		assertProblem(api.delete("/api/v1/folders", owner.token()), 400, "/problems/invalid-path");
		Account other = accounts().user();
		assertProblem(api.delete("/api/v1/folders?path=/parent/child", other.token()), 404,
				"/problems/folder-not-found");

		assertThat(folders(owner, "/")).containsExactly("/full", "/parent");
		assertThat(api.delete("/api/v1/folders?path=/parent/child", owner.token()).status()).isEqualTo(204);
		assertThat(folders(owner, "/")).containsExactly("/full");
		assertThat(
				jdbc.sql("SELECT outcome FROM audit_log WHERE action = 'folder.deleted' AND actor_id = ? ORDER BY seq")
					.param(owner.id().toString())
					.query(String.class)
					.list())
			.containsExactly("success", "failure", "failure", "failure", "success");
	}

	@Test
	void erasingTheAccountRemovesItsEmptyFolders() {
		Account owner = accounts().user();
		assertThat(api.post("/api/v1/folders", Map.of("path", "/clients/Jane Doe"), owner.token()).status())
			.isEqualTo(201);
		assertThat(stored(owner)).isEqualTo(1);

		assertThat(api.delete("/api/v1/admin/users/" + owner.id(), adminToken()).status()).isEqualTo(204);
		assertThat(stored(owner)).isZero();
	}

	@Test
	void invalidNamesTakenPathsAndExistingFoldersAreRefused() {
		Account owner = accounts().user();
		put(owner, "/docs/readme.txt");

		assertProblem(api.post("/api/v1/folders", Map.of("path", "/a/../b"), owner.token()), 400,
				"/problems/invalid-path");
		assertProblem(api.post("/api/v1/folders", Map.of("path", "/bad\u0000name"), owner.token()), 400,
				"/problems/invalid-path");
		assertProblem(api.post("/api/v1/folders", Map.of("path", "/"), owner.token()), 400, "/problems/invalid-path");
		assertProblem(api.post("/api/v1/folders", Map.of(), owner.token()), 400, "/problems/invalid-path");
		assertProblem(api.post("/api/v1/folders", Map.of("path", "/docs/readme.txt"), owner.token()), 409,
				"/problems/path-taken");
		assertProblem(api.post("/api/v1/folders", Map.of("path", "/docs"), owner.token()), 409,
				"/problems/folder-exists");
		assertThat(api.post("/api/v1/folders", Map.of("path", "/empty"), owner.token()).status()).isEqualTo(201);
		assertProblem(api.post("/api/v1/folders", Map.of("path", "/empty"), owner.token()), 409,
				"/problems/folder-exists");
	}

	private void assertProblem(Api.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo(type);
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

	private List<String> folders(Account owner, String path) {
		Api.Response listing = api.get("/api/v1/files?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
				owner.token());
		assertThat(listing.status()).as(listing.body()).isEqualTo(200);
		return listing.json().get("folders").valueStream().map(JsonNode::asString).toList();
	}

	private void put(Account owner, String path) {
		Api.Response response = api.send(api
			.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), owner.token())
			.PUT(HttpRequest.BodyPublishers.ofString("content")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private int stored(Account owner) {
		return jdbc.sql("SELECT COUNT(*) FROM folders WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Integer.class)
			.single();
	}

	private TestAccounts accounts() {
		return new TestAccounts(api, adminToken());
	}

}
