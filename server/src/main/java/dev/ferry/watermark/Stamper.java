package dev.ferry.watermark;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import dev.ferry.ProblemException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@link Watermarks} with PDFBox (a text line at the foot of every page, appended to the
 * page's content so the original stays untouched beneath it) and Java2D (a band across
 * the bottom of the image). The text is drawn with a standard PDF font, so characters it
 * lacks are replaced by {@code ?}. An image's header is checked against {@code maxPixels}
 * before any pixel is decoded, as the previews do.
 */
@Component
class Stamper implements Watermarks {

	private static final float FONT_SIZE = 9;

	/**
	 * The longest side stamped: decoders allocate buffers a row wide, so an image of
	 * 40,000,000 x 1 pixels within the pixel limit still costs hundreds of megabytes.
	 */
	private static final int MAX_SIDE = 30_000;

	/**
	 * Documents stamped at once: an image holds two decoded copies of up to
	 * {@code maxPixels} pixels, a PDF is loaded whole (up to {@code maxBytes}) and saved
	 * to memory, so requests beyond these wait rather than add up to the heap.
	 */
	private static final int SLOTS = 2;

	private final Semaphore slots = new Semaphore(SLOTS, true);

	private final WatermarkProperties properties;

	Stamper(WatermarkProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean supports(String contentType) {
		return "application/pdf".equals(contentType) || "image/jpeg".equals(contentType)
				|| "image/png".equals(contentType);
	}

	@Override
	public long maxBytes() {
		return properties.maxBytes().toBytes();
	}

	@Override
	public void stamp(InputStream content, String contentType, String text, OutputStream out) throws IOException {
		if ("application/pdf".equals(contentType)) {
			slots.acquireUninterruptibly();
			try {
				pdf(content, text, out);
			}
			finally {
				slots.release();
			}
		}
		else {
			image(content, contentType, text, out);
		}
	}

	private void pdf(InputStream content, String text, OutputStream out) throws IOException {
		PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		String line = encodable(text);
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(content))) {
			PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
			translucent.setNonStrokingAlphaConstant(0.7f);
			for (PDPage page : document.getPages()) {
				PDRectangle box = page.getCropBox();
				try (PDPageContentStream stream = new PDPageContentStream(document, page,
						PDPageContentStream.AppendMode.APPEND, true, true)) {
					stream.setGraphicsStateParameters(translucent);
					stream.setNonStrokingColor(Color.RED);
					stream.beginText();
					stream.setFont(font, FONT_SIZE);
					stream.newLineAtOffset(box.getLowerLeftX() + 18, box.getLowerLeftY() + 12);
					stream.showText(line);
					stream.endText();
				}
			}
			document.save(out);
		}
	}

	private void image(InputStream content, String contentType, String text, OutputStream out) throws IOException {
		try (ImageInputStream input = new MemoryCacheImageInputStream(content)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
			if (!readers.hasNext()) {
				throw new IOException("unreadable image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				if ((long) width * height > properties.maxPixels() || Math.max(width, height) > MAX_SIDE) {
					throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "watermark-failed", "Cannot watermark",
							"This image has more than the " + properties.maxPixels() + " pixels, or a side longer than "
									+ MAX_SIDE + ", that a watermarked link stamps.");
				}
				slots.acquireUninterruptibly();
				try {
					band(reader.read(0), "image/jpeg".equals(contentType), text, out);
				}
				finally {
					slots.release();
				}
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static void band(BufferedImage source, boolean jpeg, String text, OutputStream out) throws IOException {
		BufferedImage image = new BufferedImage(source.getWidth(), source.getHeight(),
				jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		try {
			g.drawImage(source, 0, 0, null);
			int size = Math.max(10, image.getWidth() / 40);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
			g.setColor(Color.BLACK);
			g.fillRect(0, image.getHeight() - size * 2, image.getWidth(), size * 2);
			g.setColor(Color.WHITE);
			g.drawString(text, size / 2, image.getHeight() - size / 2);
		}
		finally {
			g.dispose();
		}
		if (!ImageIO.write(image, jpeg ? "jpeg" : "png", out)) {
			throw new IOException("no image writer");
		}
	}

	/** WinAnsi covers Latin-1; anything else becomes {@code ?} rather than failing. */
	private static String encodable(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints()
			.forEach((c) -> out.append((c >= 0x20 && c < 0x7f || c >= 0xa0 && c <= 0xff) ? (char) c : '?'));
		return out.toString();
	}

}
