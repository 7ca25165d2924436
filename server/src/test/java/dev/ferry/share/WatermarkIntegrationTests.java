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
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links with {@code watermark: true} through the real API: a downloaded PDF carries
 * the stamp on every page (text extracted with PDFBox), an image gets a visible band, a
 * range request still gets the whole stamped file, the ZIP is refused, links without the
 * option serve the stored bytes, and end-to-end encrypted transfers cannot have it.
 */
class WatermarkIntegrationTests extends ShareIntegrationTest {

	/** The pixels a stamp decodes here: the 400 by 200 test image, not 1,000 by 1,000. */
	static final long MAX_PIXELS = 500_000;

	@Test
	void everyPageOfADownloadedPdfCarriesTheWatermark() throws IOException {
		Account owner = newUser();
		String fileId = upload(owner, "/contract.pdf", TestDocuments.pdf("Confidential terms", "Page two terms"));
		String transferId = transfer(owner, Map.of("title", "Board pack", "file_ids", List.of(fileId))).get("id")
			.asString();
		JsonNode created = link(owner, transferId, Map.of("watermark", true));
		assertThat(created.get("watermark").asBoolean()).isTrue();
		String token = created.get("token").asString();

		HttpResponse<byte[]> download = get("/api/v1/share/" + token + "/files/" + fileId + "/download", "bytes=0-99");
		assertThat(download.statusCode()).as("a range gets the whole stamped file").isEqualTo(200);
		assertThat(download.headers().firstValue("Accept-Ranges")).hasValue("none");
		assertThat(download.headers().firstValue("ETag").orElseThrow()).startsWith("\"wm-");
		try (PDDocument document = Loader.loadPDF(download.body())) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			for (int page = 1; page <= 2; page++) {
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = stripper.getText(document);
				assertThat(text).contains("Shared as \"Board pack\", downloaded at 20");
				assertThat(text).contains(page == 1 ? "Confidential terms" : "Page two terms");
			}
		}
		assertThat(jdbc.sql("SELECT downloads FROM share_links WHERE transfer_id = ?")
			.param(transferId)
			.query(Integer.class)
			.single()).isEqualTo(1);

		Api.Response zip = api.get("/api/v1/share/" + token + "/download", null);
		assertThat(zip.status()).isEqualTo(409);
		assertThat(zip.json().get("detail").asString()).contains("one by one");
	}

	@Test
	void aVerifiedRecipientsAddressIsStamped() throws IOException {
		Account owner = newUser();
		String recipient = "reader-" + java.util.UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/memo.pdf", TestDocuments.pdf("Memo"));
		String transferId = transfer(owner,
				Map.of("title", "Memo", "file_ids", List.of(fileId), "recipients", List.of(recipient)))
			.get("id")
			.asString();
		String token = tokenOf(link(owner, transferId, Map.of("watermark", true, "require_email_verification", true)));
		publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", recipient));
		String code = find(mailTo(recipient, 1).get(0), "\\b(\\d{6})\\b");
		String session = publicPost("/api/v1/share/" + token + "/verify-email/confirm",
				Map.of("email", recipient, "code", code))
			.json()
			.get("session_token")
			.asString();

		HttpRequest request = api.builder("/api/v1/share/" + token + "/files/" + fileId + "/download", null)
			.header("X-Share-Session", session)
			.GET()
			.build();
		byte[] body = send(request).body();
		try (PDDocument document = Loader.loadPDF(body)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Downloaded by " + recipient + " at 20");
		}
	}

	@Test
	void anImageGetsAVisibleBandAndALinkWithoutTheOptionServesTheStoredBytes() throws IOException {
		Account owner = newUser();
		byte[] png = png(400, 200);
		String fileId = upload(owner, "/chart.png", png);
		String transferId = transfer(owner, fileId).get("id").asString();
		String marked = link(owner, transferId, Map.of("watermark", true)).get("token").asString();
		String plain = link(owner, transferId, Map.of()).get("token").asString();

		HttpResponse<byte[]> stamped = get("/api/v1/share/" + marked + "/files/" + fileId + "/download", null);
		assertThat(stamped.statusCode()).isEqualTo(200);
		assertThat(stamped.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(stamped.body()));
		assertThat(image.getWidth()).isEqualTo(400);
		assertThat(image.getHeight()).isEqualTo(200);
		assertThat(image.getRGB(200, 5)).as("above the band: untouched").isEqualTo(Color.WHITE.getRGB());
		assertThat(image.getRGB(399, 199)).as("the band darkens the bottom").isNotEqualTo(Color.WHITE.getRGB());

		HttpResponse<byte[]> original = get("/api/v1/share/" + plain + "/files/" + fileId + "/download", null);
		assertThat(original.body()).isEqualTo(png);
	}

	@Test
	void anImageWithMorePixelsThanTheLimitIsRefusedBeforeItIsDecoded() throws IOException {
		Account owner = newUser();
		String fileId = upload(owner, "/poster.png", png(1000, 1000));
		String transferId = transfer(owner, fileId).get("id").asString();
		String token = link(owner, transferId, Map.of("watermark", true)).get("token").asString();

		Api.Response refused = api.get("/api/v1/share/" + token + "/files/" + fileId + "/download", null);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(problemType(refused)).isEqualTo("/problems/watermark-failed");
		assertThat(refused.json().get("detail").asString()).contains("500000 pixels");
	}

	@Test
	void aWatermarkedLinkPastItsLastDownloadAnswersAWholeProblem() throws IOException {
		Account owner = newUser();
		String fileId = upload(owner, "/once.png", png(40, 20));
		String transferId = transfer(owner, fileId).get("id").asString();
		String token = link(owner, transferId, Map.of("watermark", true, "max_downloads", 1)).get("token").asString();
		String path = "/api/v1/share/" + token + "/files/" + fileId + "/download";
		HttpResponse<byte[]> head = send(
				api.builder(path, null).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("none");
		assertThat(get(path, null).statusCode()).as("a HEAD stamps nothing and counts no download").isEqualTo(200);

		Api.Response exhausted = api.get(path, null);
		assertThat(exhausted.status()).isEqualTo(410);
		assertThat(problemType(exhausted)).isEqualTo("/problems/share-exhausted");
	}

	/**
	 * A PDF that cannot be read is a 422 once stamped, so it tells whether a request
	 * stamps: a HEAD does not, nor a GET on a link whose downloads are used up.
	 */
	@Test
	void aHeadAndAUsedUpLinkStampNothing() throws IOException {
		Account owner = newUser();
		String broken = upload(owner, "/broken.pdf", "%PDF-1.7\nnot a document".getBytes(StandardCharsets.US_ASCII));
		String photo = upload(owner, "/photo.png", png(40, 20));
		String transferId = transfer(owner, Map.of("title", "Mixed", "file_ids", List.of(broken, photo))).get("id")
			.asString();
		String token = link(owner, transferId, Map.of("watermark", true, "max_downloads", 1)).get("token").asString();
		String brokenPath = "/api/v1/share/" + token + "/files/" + broken + "/download";
		assertThat(problemType(api.get(brokenPath, null))).as("stamping it fails")
			.isEqualTo("/problems/watermark-failed");

		HttpResponse<byte[]> head = send(
				api.builder(brokenPath, null).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/share/" + token + "/files/" + photo + "/download", null).statusCode()).isEqualTo(200);

		Api.Response usedUp = api.get(brokenPath, null);
		assertThat(usedUp.status()).isEqualTo(410);
		assertThat(problemType(usedUp)).isEqualTo("/problems/share-exhausted");
	}

	@Test
	void theLinkJsonShowsWhetherItStampsAWatermark() {
		Account owner = newUser();
		String fileId = upload(owner, "/notes.pdf", TestDocuments.pdf("Notes"));
		String transferId = transfer(owner, fileId).get("id").asString();
		String marked = link(owner, transferId, Map.of("watermark", true)).get("id").asString();
		assertThat(link(owner, transferId, Map.of()).get("watermark").asBoolean()).isFalse();

		Api.Response shown = api.get("/api/v1/transfers/" + transferId, owner.token());
		assertThat(shown.status()).isEqualTo(200);
		for (JsonNode share : shown.json().get("shares")) {
			assertThat(share.get("watermark").asBoolean()).as(share.toString())
				.isEqualTo(share.get("id").asString().equals(marked));
		}
		assertThat(shown.json().get("shares")).hasSize(2);
	}

	@Test
	void endToEndEncryptedTransfersCannotHaveAWatermark() {
		Account owner = newUser();
		String fileId = upload(owner, "/sealed.age",
				"age-encryption.org/v1\n-> X25519 abc\n--- def\nciphertext".getBytes(StandardCharsets.US_ASCII));
		String transferId = transfer(owner, Map.of("title", "Sealed", "file_ids", List.of(fileId), "e2e", true))
			.get("id")
			.asString();

		Api.Response refused = api.post("/api/v1/transfers/" + transferId + "/share", Map.of("watermark", true),
				owner.token());
		assertThat(refused.status()).isEqualTo(400);
		assertThat(problemType(refused)).isEqualTo("/problems/invalid-share-request");
		assertThat(refused.json().get("detail").asString()).contains("end-to-end encrypted");
	}

	private HttpResponse<byte[]> get(String path, String range) {
		HttpRequest.Builder request = api.builder(path, null).GET();
		if (range != null) {
			request.header("Range", range);
		}
		return send(request.build());
	}

	private static HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, Color.WHITE.getRGB());
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
