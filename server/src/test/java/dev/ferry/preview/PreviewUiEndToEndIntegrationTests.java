package dev.ferry.preview;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestDocuments;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Previews in a real browser: web/e2e/preview-e2e.mjs finds the thumbnails of an image
 * and a PDF in the file list and opens the image in the lightbox; both screens are
 * scanned with axe-core in light and dark and shot at phone width.
 * web/e2e/share-preview-e2e.mjs unlocks a password-protected link with
 * {@code show_previews} as a stranger and sees the thumbnail and the lightbox there.
 */
class PreviewUiEndToEndIntegrationTests extends IntegrationTest {

	@Test
	void theFileListShowsThumbnailsAndTheLightboxTheLargerPreview() throws Exception {
		String admin = adminToken();
		String email = "preview-" + UUID.randomUUID() + "@ferry.test";
		String password = "preview-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Pia Preview"), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);
		String image = "harbour-" + UUID.randomUUID().toString().substring(0, 6) + ".jpg";
		String pdf = "minutes-" + UUID.randomUUID().toString().substring(0, 6) + ".pdf";
		for (String id : List.of(put(token, image, jpeg()), put(token, pdf, TestDocuments.pdf("Minutes")))) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> api.get("/api/v1/files/" + id + "/preview", token).status() == 200);
		}

		JsonNode summary = BrowserRun.run("preview", port, Map.of("FERRY_OWNER_EMAIL", email, "FERRY_OWNER_PASSWORD",
				password, "FERRY_IMAGE", image, "FERRY_PDF", pdf), Duration.ofMinutes(4));

		List<String> screens = List.of("files-previews", "preview-lightbox");
		BrowserRun.assertScreens(summary, screens);
		BrowserRun.assertPhoneShots(screens);
		assertThat(summary.get("csp")).isEmpty();
		assertThat(summary.get("pageErrors")).isEmpty();
		assertThat(summary.get("lightbox").get("width").asInt()).isEqualTo(320);
		assertThat(summary.get("lightbox").get("height").asInt()).isEqualTo(240);
	}

	@Test
	void theSharePageShowsThumbnailsWhenTheOwnerChoseThem() throws Exception {
		String email = "share-preview-" + UUID.randomUUID() + "@ferry.test";
		String password = "share-preview-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Sam Share"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);
		String image = "lighthouse-" + UUID.randomUUID().toString().substring(0, 6) + ".jpg";
		String id = put(token, image, jpeg());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get("/api/v1/files/" + id + "/preview", token).status() == 200);
		Api.Response transfer = api.post("/api/v1/transfers", Map.of("title", "Lighthouse photos", "file_ids",
				List.of(id), "link", Map.of("show_previews", true, "password", "harbour-lights-42")), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		JsonNode link = transfer.json().get("link");
		assertThat(link.get("show_previews").asBoolean()).isTrue();

		JsonNode summary = BrowserRun.run("share-preview", port, Map.of("FERRY_SHARE_URL", link.get("url").asString(),
				"FERRY_SHARE_PASSWORD", "harbour-lights-42", "FERRY_IMAGE", image), Duration.ofMinutes(4));

		BrowserRun.assertScreens(summary, List.of("share-previews"));
		BrowserRun.assertPhoneShots(List.of("share-previews"));
		assertThat(summary.get("lightbox").get("width").asInt()).isEqualTo(320);
		assertThat(summary.get("phone").get("scrollWidth").asInt())
			.isLessThanOrEqualTo(summary.get("phone").get("innerWidth").asInt());
		assertThat(summary.get("previewRequests")).isNotEmpty();
	}

	private String put(String token, String name, byte[] content) {
		Api.Response response = api.send(api
			.builder("/api/v1/files/content?path=" + URLEncoder.encode("/" + name, StandardCharsets.UTF_8), token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static byte[] jpeg() throws Exception {
		BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(0x1e3a8a), 800, 600, new Color(0xf59e0b)));
		g.fillRect(0, 0, 800, 600);
		g.setColor(Color.WHITE);
		g.fillOval(500, 80, 160, 160);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

}
