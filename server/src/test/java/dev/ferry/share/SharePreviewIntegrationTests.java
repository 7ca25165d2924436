package dev.ferry.share;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Previews on the public share page through the real API: shown only for links whose
 * owner chose {@code show_previews}, behind the link's password like a download, gone
 * with the revoked link, never counted as a download, not shown for a file pinned to an
 * earlier version, and refused for end-to-end encrypted transfers and watermarked links.
 */
class SharePreviewIntegrationTests extends ShareIntegrationTest {

	@Test
	void onlyALinkWithShowPreviewsServesThePreviewAndItIsNoDownload() throws IOException {
		Account owner = newUser();
		String fileId = uploadWithPreview(owner, "/harbour.png");
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode on = link(owner, transferId, Map.of("show_previews", true));
		JsonNode off = link(owner, transferId, Map.of());
		assertThat(on.get("show_previews").asBoolean()).isTrue();
		assertThat(off.get("show_previews").asBoolean()).isFalse();

		assertThat(publicGet("/api/v1/share/" + tokenOf(on)).json().get("files").get(0).get("preview").asBoolean())
			.isTrue();
		assertThat(publicGet("/api/v1/share/" + tokenOf(off)).json().get("files").get(0).get("preview").asBoolean())
			.isFalse();

		HttpResponse<byte[]> shown = preview(tokenOf(on), fileId, null);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(shown.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(shown.body()));
		assertThat(image.getWidth()).isEqualTo(320);

		Api.Response refused = publicGet(previewPath(tokenOf(off), fileId));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(problemType(refused)).isEqualTo("/problems/preview-not-found");
		assertThat(refused.json().get("detail").asString()).contains("does not show previews");

		assertThat(jdbc.sql("SELECT SUM(downloads) FROM share_links WHERE transfer_id = ?")
			.param(transferId)
			.query(Integer.class)
			.single()).as("a preview is no download").isZero();
		assertThat(auditActions(on.get("id").asString())).contains("share.preview:success");
		assertThat(auditActions(off.get("id").asString())).contains("share.preview:failure");
	}

	@Test
	void theOwnerTurnsPreviewsOnAndOffOnAnExistingLink() {
		Account owner = newUser();
		String fileId = uploadWithPreview(owner, "/chart.png");
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode link = link(owner, transferId, Map.of());
		String path = "/api/v1/transfers/" + transferId + "/shares/" + link.get("id").asString();

		Api.Response on = api.patch(path, Map.of("show_previews", true), owner.token());
		assertThat(on.status()).as(on.body()).isEqualTo(200);
		assertThat(on.json().get("show_previews").asBoolean()).isTrue();
		assertThat(preview(tokenOf(link), fileId, null).statusCode()).isEqualTo(200);

		Api.Response off = api.patch(path, Map.of("show_previews", false), owner.token());
		assertThat(off.json().get("show_previews").asBoolean()).isFalse();
		assertThat(preview(tokenOf(link), fileId, null).statusCode()).isEqualTo(404);

		Api.Response empty = api.patch(path, Map.of(), owner.token());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("detail").asString()).contains("show_previews");
	}

	@Test
	void aPasswordProtectedLinkShowsPreviewsOnlyOnceUnlocked() {
		Account owner = newUser();
		String fileId = uploadWithPreview(owner, "/plan.png");
		String transferId = transfer(owner, fileId).get("id").asString();
		String token = tokenOf(link(owner, transferId, Map.of("show_previews", true, "password", "harbour-lights")));

		Api.Response locked = publicGet(previewPath(token, fileId));
		assertThat(locked.status()).isEqualTo(401);
		assertThat(problemType(locked)).isEqualTo("/problems/share-locked");
		assertThat(publicGet("/api/v1/share/" + token).json().get("files")).isEmpty();

		Api.Response bogus = publicGet(previewPath(token, fileId), "X-Share-Session", "fss_not-a-session");
		assertThat(bogus.status()).isEqualTo(401);

		String session = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", "harbour-lights")).json()
			.get("session_token")
			.asString();
		HttpResponse<byte[]> unlocked = preview(token, fileId, session);
		assertThat(unlocked.statusCode()).isEqualTo(200);
		assertThat(unlocked.headers().firstValue("Content-Type")).hasValue("image/png");
		JsonNode info = publicGet("/api/v1/share/" + token, "X-Share-Session", session).json();
		assertThat(info.get("files").get(0).get("preview").asBoolean()).isTrue();
	}

	@Test
	void aRevokedLinkShowsNoPreviewAndOtherFilesAreNotReachable() {
		Account owner = newUser();
		String fileId = uploadWithPreview(owner, "/map.png");
		String other = uploadWithPreview(owner, "/not-shared.png");
		String transferId = transfer(owner, fileId).get("id").asString();
		JsonNode link = link(owner, transferId, Map.of("show_previews", true));
		String token = tokenOf(link);

		Api.Response foreign = publicGet(previewPath(token, other));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(problemType(foreign)).isEqualTo("/problems/not-found");
		assertThat(preview(token, fileId, null).statusCode()).isEqualTo(200);

		Api.Response revoked = api.delete("/api/v1/transfers/" + transferId + "/shares/" + link.get("id").asString(),
				owner.token());
		assertThat(revoked.status()).isEqualTo(204);
		Api.Response gone = publicGet(previewPath(token, fileId));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(problemType(gone)).isEqualTo("/problems/share-not-found");
	}

	@Test
	void aLinkPinnedToAnOlderVersionShowsNoPreviewOnceTheFileChanged() {
		Account owner = newUser();
		String fileId = uploadWithPreview(owner, "/drawing.png");
		String pinnedTransfer = transfer(owner,
				Map.of("title", "Pinned", "file_ids", List.of(fileId), "versions", Map.of(fileId, 1)))
			.get("id")
			.asString();
		JsonNode pinned = link(owner, pinnedTransfer, Map.of("show_previews", true));
		JsonNode latest = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("show_previews", true));
		assertThat(preview(tokenOf(pinned), fileId, null).statusCode())
			.as("version 1 is still the latest content, so its preview is the file's")
			.isEqualTo(200);

		assertThat(upload(owner, "/drawing.png", png(Color.GREEN))).as("a second version of the same file")
			.isEqualTo(fileId);

		Api.Response refused = publicGet(previewPath(tokenOf(pinned), fileId));
		assertThat(refused.status()).isEqualTo(404);
		assertThat(problemType(refused)).isEqualTo("/problems/preview-not-found");
		assertThat(refused.json().get("detail").asString()).contains("earlier version");
		assertThat(publicGet("/api/v1/share/" + tokenOf(pinned)).json().get("files").get(0).get("preview").asBoolean())
			.isFalse();
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'share.preview'"
					+ " AND outcome = 'failure' AND details LIKE '%pinned_version%'")
			.param(pinned.get("id").asString())
			.query(Integer.class)
			.single()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30))
			.alias("a link that follows the latest version keeps showing the preview")
			.until(() -> preview(tokenOf(latest), fileId, null).statusCode() == 200);
	}

	@Test
	void endToEndEncryptedAndWatermarkedLinksCannotShowPreviews() {
		Account owner = newUser();
		String sealed = upload(owner, "/sealed.age",
				"age-encryption.org/v1\n-> X25519 abc\n--- def\nciphertext".getBytes(StandardCharsets.US_ASCII));
		String e2e = transfer(owner, Map.of("title", "Sealed", "file_ids", List.of(sealed), "e2e", true)).get("id")
			.asString();
		Api.Response refused = api.post("/api/v1/transfers/" + e2e + "/share", Map.of("show_previews", true),
				owner.token());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).containsIgnoringCase("end-to-end encrypted");

		String fileId = uploadWithPreview(owner, "/stamped.png");
		String transferId = transfer(owner, fileId).get("id").asString();
		Api.Response both = api.post("/api/v1/transfers/" + transferId + "/share",
				Map.of("show_previews", true, "watermark", true), owner.token());
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().get("detail").asString()).contains("watermark");

		JsonNode marked = link(owner, transferId, Map.of("watermark", true));
		Api.Response patched = api.patch("/api/v1/transfers/" + transferId + "/shares/" + marked.get("id").asString(),
				Map.of("show_previews", true), owner.token());
		assertThat(patched.status()).isEqualTo(400);
		assertThat(preview(tokenOf(marked), fileId, null).statusCode()).isEqualTo(404);
	}

	private String uploadWithPreview(Account owner, String path) {
		String id = upload(owner, path, png());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/v1/files/" + id + "/preview", owner.token()).status() == 200);
		return id;
	}

	private static String previewPath(String token, String fileId) {
		return "/api/v1/share/" + token + "/files/" + fileId + "/preview";
	}

	private HttpResponse<byte[]> preview(String token, String fileId, String session) {
		HttpRequest.Builder request = api.builder(previewPath(token, fileId), null).GET();
		if (session != null) {
			request.header("X-Share-Session", session);
		}
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] png() {
		return png(Color.BLUE);
	}

	private static byte[] png(Color right) {
		BufferedImage image = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, (x < 320) ? Color.ORANGE.getRGB() : right.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
