package dev.ferry.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.springframework.stereotype.Component;

/**
 * The first page of a PDF through PDFBox, rendered at the scale that makes its longest
 * side twice the preview size, whatever the page claims to measure. PDFBox needs random
 * access, so the document is held in memory (at most {@code maxBytes}, checked by the
 * worker); embedded images may be subsampled, which bounds what a huge one costs.
 */
@Component
class PdfRenderer implements Renderer {

	@Override
	public boolean accepts(String contentType) {
		return "application/pdf".equals(contentType);
	}

	@Override
	public BufferedImage render(InputStream content, PreviewProperties limits) throws IOException {
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
			if (document.getNumberOfPages() == 0) {
				throw new Unrenderable("no_pages");
			}
			PDRectangle box = document.getPage(0).getCropBox();
			float longest = Math.max(box.getWidth(), box.getHeight());
			if (!(longest > 0)) {
				throw new Unrenderable("no_page_size");
			}
			PDFRenderer renderer = new PDFRenderer(document);
			renderer.setSubsamplingAllowed(true);
			return renderer.renderImage(0, 2f * limits.size() / longest, ImageType.RGB);
		}
		catch (InvalidPasswordException ex) {
			throw new Unrenderable("encrypted");
		}
	}

}
