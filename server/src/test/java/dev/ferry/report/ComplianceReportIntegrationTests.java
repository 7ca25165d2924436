package dev.ferry.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.imageio.ImageIO;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance report through the real API: the CSV counts what happened in the period,
 * and the PDF reads (its text extracted) and renders (page 1 drawn to
 * {@code target/compliance-report-page1.png}, mostly white with dark text on it).
 */
class ComplianceReportIntegrationTests extends IntegrationTest {

	@Test
	void theReportCountsThePeriodAndThePdfReadsAndRenders() throws Exception {
		String admin = adminToken();
		Instant from = Instant.now().minusSeconds(1);
		api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", "wrong-password"), null);
		new TestAccounts(api, admin).user();
		String query = "?from=" + from + "&to=" + Instant.now().plus(Duration.ofMinutes(1));

		Api.Response csv = api.get("/api/v1/admin/reports/compliance" + query + "&format=csv", admin);
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).contains("chain,verified,", "action,auth.login,failure,1", "section,failed_access,,",
				"section,accesses,,");
		assertThat(csv.body().lines().filter((l) -> l.startsWith("section,accesses,,")).findFirst().orElseThrow())
			.isNotEqualTo("section,accesses,,0");

		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(api.builder("/api/v1/admin/reports/compliance" + query + "&format=pdf", admin).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Ferry compliance report", "Audit chain: verified", "Failed access",
					"Shares created", "Policy changes", "auth.login (failure)");
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
			Path png = Path.of("target", "compliance-report-page1.png");
			Files.createDirectories(png.getParent());
			ImageIO.write(page, "png", png.toFile());
			assertThat(darkPixelShare(page)).as("text is drawn, the page is not blank").isBetween(0.005, 0.3);
		}
	}

	@Test
	void badRequestsAreProblemsAndUsersAreDenied() throws IOException {
		String admin = adminToken();
		long refusedBefore = refusedReports(admin);
		Api.Response format = api.get("/api/v1/admin/reports/compliance?format=docx", admin);
		assertThat(format.status()).isEqualTo(400);
		assertThat(format.contentType()).startsWith("application/problem+json");
		assertThat(refusedReports(admin)).as("the refusal is audited").isEqualTo(refusedBefore + 1);
		Api.Response backwards = api.get(
				"/api/v1/admin/reports/compliance?from=2026-02-01T00:00:00Z" + "&to=2026-01-01T00:00:00Z&format=csv",
				admin);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("'from' must be before 'to'");
		assertThat(api.get("/api/v1/admin/reports/compliance?from=yesterday", admin).status()).isEqualTo(400);
		Api.Response ancient = api.get("/api/v1/admin/reports/compliance?to=-9223372036854775807", admin);
		assertThat(ancient.status()).as("an instant the trail's arithmetic overflows on").isEqualTo(400);
		assertThat(ancient.body()).contains("between 1970 and 9999");
		String user = new TestAccounts(api, admin).user().token();
		assertThat(api.get("/api/v1/admin/reports/compliance?format=csv", user).status()).isEqualTo(403);
		assertThat(new String(api.get("/api/v1/admin/reports/compliance", user).body().getBytes(StandardCharsets.UTF_8),
				StandardCharsets.UTF_8))
			.doesNotContain("Exception");
	}

	private long refusedReports(String admin) {
		Api.Response page = api.get("/api/v1/admin/audit-logs?action=report.compliance&limit=500", admin);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json()
			.get("items")
			.valueStream()
			.filter((item) -> "failure".equals(item.get("outcome").asString()))
			.count();
	}

	private static double darkPixelShare(BufferedImage image) {
		long dark = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
				if (luminance < 3 * 128) {
					dark++;
				}
			}
		}
		return (double) dark / ((long) image.getWidth() * image.getHeight());
	}

}
