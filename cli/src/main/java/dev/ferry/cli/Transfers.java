package dev.ferry.cli;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Creates a transfer of files already on the server, with a link. */
final class Transfers {

	private Transfers() {
	}

	static JsonNode create(Api api, String title, String message, List<String> fileIds, List<String> recipients,
			LinkOptions options) {
		ObjectNode body = Json.object().put("title", title);
		if (message != null) {
			body.put("message", message);
		}
		return post(api, body, fileIds, recipients, options);
	}

	/**
	 * An end-to-end encrypted transfer: the server refuses a plain message and learns the
	 * title, message and names only inside {@code manifest}, so its own title is generic.
	 */
	static JsonNode createEncrypted(Api api, String manifest, List<String> fileIds, LinkOptions options) {
		ObjectNode body = Json.object().put("title", "Encrypted transfer").put("e2e", true).put("manifest", manifest);
		return post(api, body, fileIds, List.of(), options);
	}

	private static JsonNode post(Api api, ObjectNode body, List<String> fileIds, List<String> recipients,
			LinkOptions options) {
		ArrayNode files = body.putArray("file_ids");
		fileIds.forEach(files::add);
		ArrayNode to = body.putArray("recipients");
		recipients.forEach(to::add);
		Instant expiresAt = options.expiresAt();
		if (expiresAt != null) {
			body.put("expires_at", expiresAt.toString());
		}
		body.put("notify_recipients", !recipients.isEmpty());
		body.set("link", options.link());
		return api.post("/api/v1/transfers", body);
	}

	/**
	 * The {@code --json} answer of send and share: the transfer's essentials and its
	 * link.
	 */
	static ObjectNode summary(JsonNode transfer) {
		JsonNode link = transfer.path("link");
		ObjectNode summary = Json.object()
			.put("transfer_id", transfer.path("id").asString())
			.put("url", Json.text(link.path("url")))
			.put("expires_at", Json.text(transfer.path("expires_at")))
			.put("mail", Json.text(transfer.path("mail")));
		summary.set("files", transfer.path("files"));
		summary.set("recipients", transfer.path("recipients"));
		summary.set("link", link);
		return summary;
	}

	static String text(JsonNode transfer) {
		StringBuilder text = new StringBuilder(Json.text(transfer.path("link").path("url")));
		text.append(System.lineSeparator())
			.append("Expires ")
			.append(Json.text(transfer.path("expires_at")))
			.append("; ")
			.append(transfer.path("files").size())
			.append(" file(s)");
		if (!transfer.path("recipients").isEmpty()) {
			String recipients = String.join(", ",
					transfer.path("recipients").valueStream().map(JsonNode::asString).toList());
			text.append("enabled".equals(Json.text(transfer.path("mail"))) ? ", mailed to " + recipients
					: "; the server sends no mail, so give " + recipients + " the link yourself");
		}
		return text.append('.').toString();
	}

}
