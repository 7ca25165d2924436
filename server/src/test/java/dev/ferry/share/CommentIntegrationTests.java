package dev.ferry.share;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments on files and transfers through the real API: the owner and grantees (directly
 * and through a group) read and write them, everyone else gets 404; a mention of an
 * audience member is mailed (real SMTP), a mention of an outsider is not; bad bodies are
 * 400 problems; every step is audited.
 */
class CommentIntegrationTests extends ShareIntegrationTest {

	@Test
	void ownerAndGranteeTalkAboutAFileAndMentionsOfTheAudienceAreMailed() {
		Account owner = newUser();
		Account reader = newUser();
		Account outsider = newUser();
		String fileId = upload(owner, "/contract.txt", "terms".getBytes());
		assertThat(api
			.post("/api/v1/files/" + fileId + "/grants", Map.of("email", reader.email(), "permission", "view"),
					owner.token())
			.status()).isEqualTo(201);

		Api.Response first = api.post("/api/v1/files/" + fileId + "/comments",
				Map.of("body", "Please check section 2, @" + reader.email() + " (and @" + outsider.email() + ")"),
				owner.token());
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("author_id").asString()).isEqualTo(owner.id().toString());
		assertThat(first.json().get("mention_ids")).hasSize(1);
		assertThat(first.json().get("mention_ids").get(0).asString()).isEqualTo(reader.id().toString());
		Api.Response reply = api.post("/api/v1/files/" + fileId + "/comments", Map.of("body", "Looks fine to me."),
				reader.token());
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);

		JsonNode seenByReader = api.get("/api/v1/files/" + fileId + "/comments", reader.token()).json().get("items");
		assertThat(seenByReader).hasSize(2);
		assertThat(seenByReader.get(0).get("body").asString()).startsWith("Please check section 2");
		assertThat(seenByReader.get(1).get("author_email").asString()).isEqualTo(reader.email());

		List<MimeMessage> mails = mailTo(reader.email(), 1);
		assertThat(subject(mails.get(0))).contains("mentioned you in a comment");
		assertThat(body(mails.get(0))).contains("contract.txt").contains("Please check section 2");
		assertThat(received(outsider.email())).isEmpty();

		Api.Response foreign = api.get("/api/v1/files/" + fileId + "/comments", outsider.token());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(api.post("/api/v1/files/" + fileId + "/comments", Map.of("body", "let me in"), outsider.token())
			.status()).isEqualTo(404);
		assertThat(auditActions(fileId)).contains("comment.created:success", "comment.listed:success",
				"comment.listed:denied", "comment.created:denied");
	}

	@Test
	void groupMembersCommentOnAGrantedTransferAndOnlyAuthorOrOwnerDelete() {
		Account owner = newUser();
		Account member = newUser();
		Account other = newUser();
		String admin = adminToken();
		String groupId = api.post("/api/v1/admin/groups", Map.of("name", "Team " + UUID.randomUUID()), admin)
			.json()
			.get("id")
			.asString();
		for (Account account : List.of(member, other)) {
			api.post("/api/v1/admin/groups/" + groupId + "/members", Map.of("user_id", account.id().toString()), admin);
		}
		String transferId = transfer(owner, upload(owner, "/plan.txt", "plan".getBytes())).get("id").asString();
		api.post("/api/v1/transfers/" + transferId + "/grants", Map.of("group_id", groupId, "permission", "download"),
				owner.token());

		JsonNode probe = api
			.post("/api/v1/transfers/" + transferId + "/comments",
					Map.of("body", "@" + owner.email() + " ready? @" + other.email()), member.token())
			.json();
		String byMember = probe.get("id").asString();
		assertThat(mailTo(owner.email(), 1)).isNotEmpty();
		assertThat(probe.get("mention_ids")).as("a member cannot tell whom a mention reached").isEmpty();
		assertThat(api.get("/api/v1/transfers/" + transferId + "/comments", owner.token())
			.json()
			.get("items")
			.get(0)
			.get("mention_ids")).as("the owner can").hasSize(2);
		assertThat(api.get("/api/v1/transfers/" + transferId + "/comments", other.token()).json().get("items"))
			.hasSize(1);

		Api.Response notTheAuthor = api.delete("/api/v1/transfers/" + transferId + "/comments/" + byMember,
				other.token());
		assertThat(notTheAuthor.status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/transfers/" + transferId + "/comments/" + byMember, owner.token()).status())
			.isEqualTo(204);
		assertThat(api.get("/api/v1/transfers/" + transferId + "/comments", member.token()).json().get("items"))
			.isEmpty();
		assertThat(auditActions(transferId)).contains("comment.deleted:denied", "comment.deleted:success");
	}

	@Test
	void emptyOversizedAndDisguisedBodiesAreRefused() {
		Account owner = newUser();
		String fileId = upload(owner, "/x.txt", "x".getBytes());
		for (String body : List.of(" ", "a".repeat(4001), "see invoice\u202Efdp.exe", "bell\u0007")) {
			Api.Response refused = api.post("/api/v1/files/" + fileId + "/comments", Map.of("body", body),
					owner.token());
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(problemType(refused)).isEqualTo("/problems/invalid-share-request");
			assertThat(refused.json().get("detail").asString()).isNotBlank();
		}
		Api.Response multiline = api.post("/api/v1/files/" + fileId + "/comments",
				Map.of("body", "line one\n\tline two"), owner.token());
		assertThat(multiline.status()).isEqualTo(201);
		assertThat(api.post("/api/v1/files/" + fileId + "/comments", Map.of("body", 42), owner.token()).status())
			.isEqualTo(400);
	}

}
