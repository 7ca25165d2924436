package dev.ferry.share;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class TransferIntegrationTests extends ShareIntegrationTest {

	@Test
	void createsATransferFromTheCallersFiles() {
		Account owner = newUser();
		String a = upload(owner, "/t/a.txt", "aaa".getBytes());
		String b = upload(owner, "/t/b.txt", "bbbb".getBytes());

		JsonNode transfer = transfer(owner, Map.of("title", "Two files", "message", "See attached", "file_ids",
				List.of(a, b), "recipients", List.of("Bob@Example.TEST", "carol@example.test")));

		assertThat(transfer.get("status").asString()).isEqualTo("active");
		assertThat(transfer.get("files")).hasSize(2);
		assertThat(transfer.get("total_size").asLong()).isEqualTo(7);
		assertThat(transfer.get("recipients").toString()).contains("bob@example.test", "carol@example.test");
		assertThat(transfer.get("mail").asString()).isEqualTo("enabled");
		assertThat(transfer.get("notify_sender").asBoolean()).isTrue();
		assertThat(transfer.get("delete_files_on_expiry").asBoolean()).isFalse();
		Instant expires = Instant.parse(transfer.get("expires_at").asString());
		assertThat(expires).isBetween(Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
		assertThat(auditActions(transfer.get("id").asString())).contains("transfer.created:success");
	}

	@Test
	void anotherUsersFileIsNotFound() {
		Account owner = newUser();
		Account other = newUser();
		String theirs = upload(other, "/theirs.txt", "x".getBytes());

		Api.Response response = api.post("/api/v1/transfers", Map.of("title", "Steal", "file_ids", List.of(theirs)),
				owner.token());

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void expiryIsBoundedByTheAdminMaximum() {
		Account owner = newUser();
		String file = upload(owner, "/e.txt", "e".getBytes());
		String tooLate = Instant.now().plus(31, ChronoUnit.DAYS).toString();

		Api.Response response = api.post("/api/v1/transfers",
				Map.of("title", "Late", "file_ids", List.of(file), "expires_at", tooLate), owner.token());
		Api.Response past = api.post("/api/v1/transfers",
				Map.of("title", "Past", "file_ids", List.of(file), "expires_at", "2001-01-01T00:00:00Z"),
				owner.token());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("30 days");
		assertThat(past.status()).isEqualTo(400);
	}

	@Test
	void listsMineByStatusWithCursorPages() {
		Account owner = newUser();
		String file = upload(owner, "/l.txt", "l".getBytes());
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(transfer(owner, file).get("id").asString());
		}
		api.delete("/api/v1/transfers/" + ids.get(0), owner.token());
		assertThat(api.delete("/api/v1/transfers/" + ids.get(0), owner.token()).status()).isEqualTo(204);
		assertThat(auditActions(ids.get(0))).as("the second revocation changed nothing, and says so")
			.containsSubsequence("transfer.revoked:success", "transfer.revoked:failure");
		Api.Response renamed = api.patch("/api/v1/transfers/" + ids.get(0), Map.of("title", "Too late"), owner.token());
		assertThat(renamed.status()).as("a revoked transfer does not change").isEqualTo(409);
		assertThat(auditActions(ids.get(0))).as("and the refusal is in the trail").contains("transfer.updated:failure");
		Api.Response past = api.patch("/api/v1/transfers/" + ids.get(2), Map.of("expires_at", "2001-01-01T00:00:00Z"),
				owner.token());
		assertThat(past.status()).isEqualTo(400);
		assertThat(auditActions(ids.get(2))).as("a refused input too").contains("transfer.updated:failure");
		jdbc.sql("UPDATE transfers SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, ids.get(1))
			.update();

		List<String> seen = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api
				.get("/api/v1/transfers?status=active&limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""),
						owner.token())
				.json();
			page.get("items").forEach((t) -> seen.add(t.get("id").asString()));
			cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
		}
		while (cursor != null);

		assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2));
		assertThat(ids(api.get("/api/v1/transfers?status=revoked", owner.token()))).containsExactly(ids.get(0));
		assertThat(ids(api.get("/api/v1/transfers?status=expired", owner.token()))).containsExactly(ids.get(1));
		assertThat(api.get("/api/v1/transfers?status=bogus", owner.token()).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/transfers?cursor=garbage", owner.token()).status()).isEqualTo(400);
	}

	@Test
	void patchChangesTitleRecipientsAndReopensAnExpiredTransfer() {
		Account owner = newUser();
		String file = upload(owner, "/p.txt", "p".getBytes());
		String id = transfer(owner, file).get("id").asString();
		jdbc.sql("UPDATE transfers SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, id)
			.update();
		String later = Instant.now().plus(2, ChronoUnit.DAYS).toString();

		Api.Response patched = api.patch("/api/v1/transfers/" + id,
				Map.of("title", "Renamed", "expires_at", later, "recipients", List.of("dave@example.test")),
				owner.token());

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("title").asString()).isEqualTo("Renamed");
		assertThat(patched.json().get("status").asString()).isEqualTo("active");
		assertThat(patched.json().get("recipients").get(0).asString()).isEqualTo("dave@example.test");
	}

	@Test
	void linksAreListedWithoutTheirTokens() {
		Account owner = newUser();
		String file = upload(owner, "/k.txt", "k".getBytes());
		String id = transfer(owner, file).get("id").asString();
		JsonNode created = link(owner, id, Map.of("max_downloads", 3, "password", "pw", "notify_on_download", true));
		link(owner, id, Map.of());

		JsonNode transfer = api.get("/api/v1/transfers/" + id, owner.token()).json();

		assertThat(transfer.get("shares")).hasSize(2);
		JsonNode first = transfer.get("shares").get(0);
		assertThat(first.get("id").asString()).isEqualTo(created.get("id").asString());
		assertThat(first.has("token")).isFalse();
		assertThat(first.get("downloads_left").asInt()).isEqualTo(3);
		assertThat(first.get("password_required").asBoolean()).isTrue();
		assertThat(first.get("notify_on_download").asBoolean()).isTrue();
		assertThat(first.get("status").asString()).isEqualTo("active");
		assertThat(jdbc.sql("SELECT password_hash FROM share_links WHERE id = ?")
			.param(created.get("id").asString())
			.query(String.class)
			.single()).startsWith("{argon2}");
	}

	@Test
	void linkOptionsAreValidated() {
		Account owner = newUser();
		String file = upload(owner, "/v.txt", "v".getBytes());
		String id = transfer(owner, file).get("id").asString();

		assertThat(api.post("/api/v1/transfers/" + id + "/share", Map.of("max_downloads", 0), owner.token()).status())
			.isEqualTo(400);
		assertThat(api
			.post("/api/v1/transfers/" + id + "/share", Map.of("require_email_verification", true), owner.token())
			.status()).isEqualTo(400);
		assertThat(api
			.post("/api/v1/transfers/" + id + "/share",
					Map.of("expires_at", Instant.now().plus(40, ChronoUnit.DAYS).toString()), owner.token())
			.status()).isEqualTo(400);

		int before = api.get("/api/v1/transfers", owner.token()).json().get("items").size();
		Api.Response refused = api.post("/api/v1/transfers",
				Map.of("title", "Refused link", "file_ids", List.of(file), "link", Map.of("max_downloads", 0)),
				owner.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(api.get("/api/v1/transfers", owner.token()).json().get("items"))
			.as("a refused link leaves no transfer behind its 400")
			.hasSize(before);
	}

	@Test
	void guestsCannotCreateTransfers() {
		Account guest = newUser("GUEST");

		Api.Response response = api.post("/api/v1/transfers",
				Map.of("title", "x", "file_ids", List.of("00000000-0000-0000-0000-000000000000")), guest.token());

		assertThat(response.status()).isEqualTo(403);
	}

	private static List<String> ids(Api.Response response) {
		List<String> ids = new ArrayList<>();
		response.json().get("items").forEach((t) -> ids.add(t.get("id").asString()));
		return ids;
	}

}
