package dev.ferry.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import dev.ferry.audit.AuditReport.ActionCount;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The report as an A4 PDF drawn with PDFBox's standard Helvetica: title and period, the
 * chain verification result, the section totals, then the per-action table over as many
 * pages as it needs. Only fixed identifiers and numbers are drawn, never user text.
 */
final class ReportPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final float MARGIN = 56;

	private static final float BOTTOM = 60;

	private ReportPdf() {
	}

	static void write(ComplianceReport report, OutputStream out) throws IOException {
		try (PDDocument document = new PDDocument(); Pages pages = new Pages(document)) {
			pages.line(pages.bold, 20, "Ferry compliance report", 0);
			pages.gap(6);
			pages.line(pages.regular, 11, "Period: " + time(report.from()) + " to " + time(report.to()), 0);
			pages.line(pages.regular, 11, "Generated: " + time(report.generatedAt()), 0);
			pages.gap(10);
			pages.line(pages.bold, 13, "Audit chain: " + report.chainSummary(), 0);
			pages.gap(12);
			pages.line(pages.bold, 14, "Summary", 0);
			for (var section : report.sections().entrySet()) {
				pages.row(pages.regular, section.getKey().title(), String.valueOf(section.getValue()));
			}
			pages.gap(12);
			pages.line(pages.bold, 14, "Every recorded action", 0);
			pages.row(pages.bold, "action (outcome)", "count");
			for (ActionCount action : report.actions()) {
				pages.row(pages.regular, action.action() + " (" + action.outcome() + ")",
						String.valueOf(action.count()));
			}
			pages.close();
			document.save(out);
		}
	}

	private static String time(TemporalAccessor instant) {
		return TIME.format(instant);
	}

	/** Writes lines top to bottom, starting a new page when one is full. */
	private static final class Pages implements AutoCloseable {

		private final PDDocument document;

		private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

		private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

		private PDPageContentStream stream;

		private float y;

		private Pages(PDDocument document) {
			this.document = document;
		}

		private void line(PDType1Font font, float size, String text, float x) throws IOException {
			room(size);
			stream.beginText();
			stream.setFont(font, size);
			stream.newLineAtOffset(MARGIN + x, y);
			stream.showText(text);
			stream.endText();
		}

		private void row(PDType1Font font, String label, String value) throws IOException {
			room(11);
			stream.beginText();
			stream.setFont(font, 11);
			stream.newLineAtOffset(MARGIN + 12, y);
			stream.showText(label);
			stream.endText();
			float width = font.getStringWidth(value) / 1000 * 11;
			stream.beginText();
			stream.setFont(font, 11);
			stream.newLineAtOffset(PDRectangle.A4.getWidth() - MARGIN - width, y);
			stream.showText(value);
			stream.endText();
		}

		private void gap(float points) {
			y -= points;
		}

		private void room(float size) throws IOException {
			float needed = size * 1.5f;
			if (stream == null || y - needed < BOTTOM) {
				close();
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				stream = new PDPageContentStream(document, page);
				y = PDRectangle.A4.getHeight() - MARGIN;
			}
			y -= needed;
		}

		@Override
		public void close() throws IOException {
			if (stream != null) {
				stream.close();
				stream = null;
			}
		}

	}

}
