package dev.ferry.watermark;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code maxBytes}: the largest PDF or image stamped; PDFBox and ImageIO hold the
 * document while it is stamped, so this bounds the memory one download takes.
 * {@code maxPixels}: the largest image (width times height, as its header declares)
 * decoded for a stamp: a small file can declare a huge image, and a decoded pixel takes
 * four bytes, twice over while the band is drawn.
 */
@ConfigurationProperties("ferry.watermark")
record WatermarkProperties(@DefaultValue("64MB") DataSize maxBytes, @DefaultValue("40000000") long maxPixels) {

	WatermarkProperties {
		if (maxPixels < 1) {
			throw new IllegalArgumentException("FERRY_WATERMARK_MAX_PIXELS must be positive, not " + maxPixels);
		}
	}

}
