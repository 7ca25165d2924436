package dev.ferry.preview;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestDocuments;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import dev.ferry.testing.TestAccounts.Account;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Previews through the real API: uploaded by PUT and by tus, made in the background from
 * the encrypted store, fetched as images and decoded here; SVG and HTML never rendered,
 * an image header declaring a decompression bomb never decoded, someone else's file not
 * shown.
 */
class PreviewIntegrationTests extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@Autowired
	JdbcClient jdbc;

	@Test
	void jpegGetsAJpegPreviewScaledToTheConfiguredSize() throws IOException {
		Account owner = accounts().user();
		String id = put(owner, "/photos/beach.jpg", image(1200, 800, "jpeg", BufferedImage.TYPE_INT_RGB));

		HttpResponse<byte[]> preview = awaitPreview(owner, id);
		assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(preview.body()));
		assertThat(decoded.getWidth()).isEqualTo(320);
		assertThat(decoded.getHeight()).isEqualTo(213);
		assertThat(audit(id)).contains("file.preview:success");

		String etag = preview.headers().firstValue("ETag").orElseThrow();
		assertThat(fetch(owner, id, etag).statusCode()).isEqualTo(304);

		String key = jdbc
			.sql("SELECT p.store_key FROM blob_parts p JOIN previews v ON v.blob_id = p.blob_id "
					+ "WHERE v.file_id = ?")
			.param(id)
			.query(String.class)
			.single();
		byte[] stored = Files.readAllBytes(DATA_DIR.resolve("blobs").resolve(key));
		assertThat(stored).as("stored encrypted").hasSizeGreaterThan(preview.body().length);
		assertThat(indexOf(stored, Arrays.copyOfRange(preview.body(), 0, 64))).isNegative();
	}

	@Test
	void pngUploadedWithTusKeepsItsSizeAndTransparency() throws IOException {
		Account owner = accounts().user();
		byte[] png = image(300, 100, "png", BufferedImage.TYPE_INT_ARGB);
		String id = tus(owner, "logo.png", png);

		HttpResponse<byte[]> preview = awaitPreview(owner, id);
		assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(preview.body()));
		assertThat(decoded.getWidth()).isEqualTo(300);
		assertThat(decoded.getHeight()).isEqualTo(100);
		assertThat(decoded.getColorModel().hasAlpha()).isTrue();
	}

	@Test
	void pdfGetsItsFirstPageAsPng() throws IOException {
		Account owner = accounts().user();
		String id = put(owner, "/docs/report.pdf", TestDocuments.pdf("Quarterly report"));

		HttpResponse<byte[]> preview = awaitPreview(owner, id);
		assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage page = ImageIO.read(new ByteArrayInputStream(preview.body()));
		// A4 portrait, longest side scaled to 320.
		assertThat(page.getHeight()).isEqualTo(320);
		assertThat(page.getWidth()).isBetween(224, 228);
		assertThat(darkPixels(page)).as("the page's text is drawn").isGreaterThan(20);
	}

	@Test
	void textGetsARasterOfItsFirstLines() throws IOException {
		Account owner = accounts().user();
		String id = put(owner, "/notes.txt",
				"<b>not markup</b>\nline two\n".repeat(400).getBytes(StandardCharsets.UTF_8));

		HttpResponse<byte[]> preview = awaitPreview(owner, id);
		assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(preview.body()));
		assertThat(decoded.getWidth()).isEqualTo(320);
		assertThat(darkPixels(decoded)).isGreaterThan(20);
	}

	@Test
	void svgAndHtmlAreNeverRendered() {
		Account owner = accounts().user();
		String svg = put(owner, "/drawing.svg",
				("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
						+ "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>")
					.getBytes(StandardCharsets.UTF_8));
		String html = put(owner, "/page.html",
				"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));

		for (String id : List.of(svg, html)) {
			JsonNode problem = awaitSettledProblem(owner, id);
			assertThat(problem.get("type").asString()).isEqualTo("/problems/preview-not-found");
			assertThat(problem.get("reason").asString()).isEqualTo("unsafe_type");
			assertThat(problem.get("detail").asString()).contains("gets no preview");
			assertThat(audit(id)).contains("file.preview:failure");
		}
	}

	@Test
	void imageDeclaringTooManyPixelsIsNeverDecoded() throws IOException {
		Account owner = accounts().user();
		String id = put(owner, "/bomb.png",
				declaring(100_000, 100_000, image(1, 1, "png", BufferedImage.TYPE_INT_RGB)));

		JsonNode problem = awaitSettledProblem(owner, id);
		assertThat(problem.get("reason").asString()).isEqualTo("too_many_pixels");
		String wide = put(owner, "/wide.png", declaring(40_000_000, 1, image(1, 1, "png", BufferedImage.TYPE_INT_RGB)));
		assertThat(awaitSettledProblem(owner, wide).get("reason").asString()).as("few pixels, one huge row")
			.isEqualTo("too_many_pixels");
	}

	/**
	 * A preview shows content: once the owner replaces it (a new version, here by tus) or
	 * encrypts the file with a passphrase, the old preview must not be served.
	 */
	@Test
	void aNewVersionOrAnAgeEncryptionReplacesThePreviewOfTheOldContent() throws IOException {
		Account owner = accounts().user();
		String id = put(owner, "/renewed.png", image(400, 200, "png", BufferedImage.TYPE_INT_RGB));
		assertThat(ImageIO.read(new ByteArrayInputStream(awaitPreview(owner, id).body())).getHeight()).isEqualTo(160);

		tus(owner, "renewed.png", image(200, 400, "png", BufferedImage.TYPE_INT_RGB));

		await().atMost(WAIT).until(() -> {
			HttpResponse<byte[]> preview = fetch(owner, id, null);
			return preview.statusCode() == 200
					&& ImageIO.read(new ByteArrayInputStream(preview.body())).getHeight() == 320;
		});
		Api.Response encrypted = api.post("/api/v1/files/" + id + "/encrypt",
				Map.of("passphrase", "correct horse battery staple"), owner.token());
		assertThat(encrypted.status()).as(encrypted.body()).isEqualTo(200);
		assertThat(awaitSettledProblem(owner, id).get("preview_status").asString()).isEqualTo("unsupported");
	}

	@Test
	void previewIsRefusedLikeADownloadToOthersAndOnceTheFileIsGone() throws IOException {
		Account owner = accounts().user();
		Account other = accounts().user();
		String id = put(owner, "/private.png", image(40, 40, "png", BufferedImage.TYPE_INT_RGB));
		awaitPreview(owner, id);

		Api.Response foreign = api.get("/api/v1/files/" + id + "/preview", other.token());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/file-not-found");
		assertThat(api.get("/api/v1/files/" + id + "/preview", null).status()).isEqualTo(401);

		String blob = jdbc.sql("SELECT blob_id FROM previews WHERE file_id = ?").param(id).query(String.class).single();
		assertThat(api.delete("/api/v1/files/" + id, owner.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/files/" + id + "/preview", owner.token()).status()).isEqualTo(404);
		sweeper.sweep();
		assertThat(api.post("/api/v1/trash/" + id + "/restore", Map.of(), owner.token()).status()).isEqualTo(200);
		assertThat(fetch(owner, id, null).statusCode()).as("a file back from the trash keeps its preview")
			.isEqualTo(200);

		assertThat(api.delete("/api/v1/files/" + id, owner.token()).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/trash/" + id, owner.token()).status()).isEqualTo(204);
		assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM previews WHERE file_id = ?").param(id).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM blobs WHERE id = ? AND wrapped_key IS NOT NULL")
			.param(blob)
			.query(Integer.class)
			.single()).as("the preview's data key is destroyed").isZero();
	}

	@Autowired
	PreviewSweeper sweeper;

	private TestAccounts accounts() {
		return new TestAccounts(api, adminToken());
	}

	private HttpResponse<byte[]> awaitPreview(Account owner, String id) {
		await().atMost(WAIT).until(() -> fetch(owner, id, null).statusCode() == 200);
		return fetch(owner, id, null);
	}

	private JsonNode awaitSettledProblem(Account owner, String id) {
		await().atMost(WAIT).until(() -> {
			Api.Response response = api.get("/api/v1/files/" + id + "/preview", owner.token());
			return response.status() == 404 && !"pending".equals(response.json().get("preview_status").asString());
		});
		Api.Response response = api.get("/api/v1/files/" + id + "/preview", owner.token());
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		return response.json();
	}

	private HttpResponse<byte[]> fetch(Account owner, String id, String ifNoneMatch) {
		HttpRequest.Builder request = api.builder("/api/v1/files/" + id + "/preview", owner.token()).GET();
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String put(Account owner, String path, byte[] content) {
		Api.Response response = api.send(api
			.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), owner.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String tus(Account owner, String name, byte[] content) {
		String metadata = "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
		Api.Response created = api.send(api.builder("/api/v1/uploads", owner.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Integer.toString(content.length))
			.header("Upload-Metadata", metadata)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		Api.Response patched = api.send(api.builder(location, owner.token())
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(patched.status()).as(patched.body()).isEqualTo(204);
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private List<String> audit(String fileId) {
		return jdbc.sql("SELECT action || ':' || outcome FROM audit_log WHERE object_id = ? ORDER BY seq")
			.param(fileId)
			.query(String.class)
			.list();
	}

	private static byte[] image(int width, int height, String format, int type) throws IOException {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x20, 0x60, 0xa0, 0x80));
		g.fillRect(0, 0, width / 2 + 1, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	/** A PNG whose header claims {@code width} x {@code height}; the pixels stay tiny. */
	private static byte[] declaring(int width, int height, byte[] png) {
		byte[] bomb = png.clone();
		writeInt(bomb, 16, width);
		writeInt(bomb, 20, height);
		CRC32 crc = new CRC32();
		crc.update(bomb, 12, 17);
		writeInt(bomb, 29, (int) crc.getValue());
		return bomb;
	}

	private static void writeInt(byte[] target, int offset, int value) {
		for (int i = 0; i < 4; i++) {
			target[offset + i] = (byte) (value >>> (24 - 8 * i));
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

	private static int darkPixels(BufferedImage image) {
		int dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				if (((rgb >> 16) & 0xff) < 128 && ((rgb >> 8) & 0xff) < 128 && (rgb & 0xff) < 128) {
					dark++;
				}
			}
		}
		return dark;
	}

}
