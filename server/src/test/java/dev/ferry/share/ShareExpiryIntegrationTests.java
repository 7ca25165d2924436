package dev.ferry.share;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper, run by hand after moving expiry times into the past in the database.
 */
class ShareExpiryIntegrationTests extends ShareIntegrationTest {

	@Test
	void expiryIsRecordedAndTransferOnlyFilesArePurged() {
		Account owner = newUser();
		String transferOnly = upload(owner, "/for-transfer.txt", "temporary".getBytes());
		String alsoElsewhere = upload(owner, "/shared-twice.txt", "twice".getBytes());
		String id = transfer(owner, Map.of("title", "Temp", "file_ids", List.of(transferOnly, alsoElsewhere),
				"delete_files_on_expiry", true))
			.get("id")
			.asString();
		transfer(owner, alsoElsewhere);
		expireNow(id);

		sweeper.sweep();

		JsonNode transfer = api.get("/api/v1/transfers/" + id, owner.token()).json();
		assertThat(transfer.get("status").asString()).isEqualTo("expired");
		assertThat(transfer.get("purged_at").isNull()).isFalse();
		assertThat(api.get("/api/v1/files/" + transferOnly, owner.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/files/" + alsoElsewhere, owner.token()).status()).isEqualTo(200);
		assertThat(transfer.get("files").get(0).get("available").asBoolean()).isFalse();
		assertThat(auditActions(id)).contains("transfer.expired:success", "transfer.purged:success");
		assertThat(auditActions(transferOnly)).contains("file.purged:success");
	}

	/**
	 * The sweeper shreds an ended transfer's files one by one before it marks the
	 * transfer purged; in between, reopening it would bring back a transfer with files
	 * missing.
	 */
	@Test
	void aTransferWhosePurgeBeganCannotBeReopened() {
		Account owner = newUser();
		String shredded = upload(owner, "/first.txt", "first".getBytes());
		String left = upload(owner, "/second.txt", "second".getBytes());
		String id = transfer(owner,
				Map.of("title", "Half gone", "file_ids", List.of(shredded, left), "delete_files_on_expiry", true))
			.get("id")
			.asString();
		jdbc.sql("UPDATE transfers SET status = 'expired', expires_at = ?, ended_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, System.currentTimeMillis() - 1, id)
			.update();
		assertThat(api.delete("/api/v1/files/" + shredded + "?permanent=true", owner.token()).status()).isEqualTo(204);

		Api.Response reopened = api.patch("/api/v1/transfers/" + id,
				Map.of("expires_at", Instant.now().plus(1, ChronoUnit.DAYS).toString()), owner.token());

		assertThat(reopened.status()).as(reopened.body()).isEqualTo(409);
		assertThat(api.get("/api/v1/transfers/" + id, owner.token()).json().get("status").asString())
			.isEqualTo("expired");
	}

	@Test
	void libraryFilesStayWhenTheTransferEnds() {
		Account owner = newUser();
		String library = upload(owner, "/library.txt", "keep me".getBytes());
		String id = transfer(owner, library).get("id").asString();
		expireNow(id);

		sweeper.sweep();

		assertThat(api.get("/api/v1/files/" + library, owner.token()).status()).isEqualTo(200);
		assertThat(auditActions(id)).contains("transfer.expired:success", "transfer.purged:success");
	}

	@Test
	void revokedTransfersArePurgedToo() {
		Account owner = newUser();
		String file = upload(owner, "/revoked.txt", "gone".getBytes());
		String id = transfer(owner, Map.of("title", "R", "file_ids", List.of(file), "delete_files_on_expiry", true))
			.get("id")
			.asString();
		api.delete("/api/v1/transfers/" + id, owner.token());

		sweeper.sweep();

		assertThat(api.get("/api/v1/files/" + file, owner.token()).status()).isEqualTo(404);
	}

	@Test
	void senderHearsWhenATransferExpiresUnopened() {
		Account owner = newUser();
		String opened = upload(owner, "/opened.txt", "o".getBytes());
		String unopenedId = transfer(owner,
				Map.of("title", "Nobody looked " + UUID.randomUUID(), "file_ids", List.of(opened)))
			.get("id")
			.asString();
		String quietId = transfer(owner, Map.of("title", "Quiet", "file_ids", List.of(opened), "notify_sender", false))
			.get("id")
			.asString();
		expireNow(unopenedId);
		expireNow(quietId);

		sweeper.sweep();

		assertThat(subject(mailTo(owner.email(), 1).get(0))).contains("Nobody looked").contains("expired unopened");
		assertThat(received(owner.email())).hasSize(1);
	}

	private void expireNow(String transferId) {
		jdbc.sql("UPDATE transfers SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, transferId)
			.update();
	}

}
