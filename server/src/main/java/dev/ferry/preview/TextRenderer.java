package dev.ferry.preview;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

/**
 * The start of a text file (at most {@code textBytes}), drawn as plain characters in a
 * monospaced font: nothing in it is interpreted, so markup stays text. Control characters
 * are dropped and long lines cut.
 */
@Component
class TextRenderer implements Renderer {

	private static final int COLUMNS = 80;

	private static final int FONT_SIZE = 12;

	private static final int LINE_HEIGHT = 15;

	private static final int MARGIN = 8;

	@Override
	public boolean accepts(String contentType) {
		return contentType.startsWith("text/") || "application/json".equals(contentType);
	}

	@Override
	public BufferedImage render(InputStream content, PreviewProperties limits) throws IOException {
		String text = new String(content.readNBytes((int) limits.textBytes().toBytes()), StandardCharsets.UTF_8);
		int side = 2 * limits.size();
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, side, side);
			g.setColor(new Color(0x1f2937));
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, FONT_SIZE));
			int y = MARGIN + FONT_SIZE;
			for (String line : text.split("\n", -1)) {
				if (y > side - MARGIN) {
					break;
				}
				g.drawString(printable(line), MARGIN, y);
				y += LINE_HEIGHT;
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static String printable(String line) {
		StringBuilder out = new StringBuilder(COLUMNS);
		line.replace("\t", "    ")
			.codePoints()
			.filter((c) -> !Character.isISOControl(c))
			.limit(COLUMNS)
			.forEach(out::appendCodePoint);
		return out.toString();
	}

}
