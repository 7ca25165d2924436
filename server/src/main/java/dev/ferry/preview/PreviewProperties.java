package dev.ferry.preview;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Preview settings. {@code size} is the longest side of a preview in pixels;
 * {@code maxBytes} the largest file a preview is made of (its content is held in memory
 * while decoded); {@code maxPixels} the largest image (width times height, as its header
 * declares) that is decoded at all, against decompression bombs; {@code textBytes} how
 * much of a text file is shown.
 */
@ConfigurationProperties("ferry.preview")
record PreviewProperties(@DefaultValue("true") boolean enabled, @DefaultValue("320") int size,
		@DefaultValue("32MB") DataSize maxBytes, @DefaultValue("40000000") long maxPixels,
		@DefaultValue("4KB") DataSize textBytes, @DefaultValue("2s") Duration interval,
		@DefaultValue("3") int maxAttempts) {

	PreviewProperties {
		if (size < 16 || size > 2048) {
			throw new IllegalArgumentException("FERRY_PREVIEW_SIZE must be between 16 and 2048 pixels");
		}
		if (maxPixels < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("FERRY_PREVIEW_MAX_PIXELS and the attempts must be positive");
		}
	}

}
