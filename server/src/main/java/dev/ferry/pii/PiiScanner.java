package dev.ferry.pii;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.springframework.stereotype.Component;

/**
 * Reads a file's text for the detector: text and CSV streamed as UTF-8 (at most
 * {@code maxBytes}, the rest unread), PDFs parsed with PDFBox (in memory, so only up to
 * {@code maxBytes}) and their extracted text streamed page by page.
 */
@Component
class PiiScanner {

	static final String PDF = "application/pdf";

	private static final Set<String> TEXT = Set.of("application/json", "application/csv", "application/xml");

	private final PiiProperties properties;

	PiiScanner(PiiProperties properties) {
		this.properties = properties;
	}

	/** Whether files of {@code contentType} are scanned at all. */
	boolean accepts(String contentType) {
		return contentType.startsWith("text/") || TEXT.contains(contentType) || PDF.equals(contentType);
	}

	/** Whether a file of {@code size} bytes is too large to be scanned. */
	boolean tooLarge(String contentType, long size) {
		return PDF.equals(contentType) && size > properties.maxBytes().toBytes();
	}

	Map<PiiKind, Integer> scan(String contentType, InputStream content) throws IOException {
		PiiTally tally = new PiiTally();
		if (PDF.equals(contentType)) {
			try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
				new PDFTextStripper().writeText(document, tally);
			}
		}
		else {
			Reader reader = new InputStreamReader(capped(content), StandardCharsets.UTF_8);
			reader.transferTo(tally);
		}
		tally.close();
		return tally.counts();
	}

	private InputStream capped(InputStream content) {
		long cap = properties.maxBytes().toBytes();
		return new InputStream() {

			private long left = cap;

			@Override
			public int read() throws IOException {
				if (left <= 0) {
					return -1;
				}
				left--;
				return content.read();
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				if (left <= 0) {
					return -1;
				}
				int read = content.read(buffer, offset, (int) Math.min(length, left));
				if (read > 0) {
					left -= read;
				}
				return read;
			}

		};
	}

}
