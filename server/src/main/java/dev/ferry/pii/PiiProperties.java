package dev.ferry.pii;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * PII detection settings. {@code maxBytes}: how much of a text or CSV file is scanned
 * (streamed; the rest is not looked at) and the largest PDF scanned at all (a PDF is
 * parsed in memory); {@code blockPublicSharing}: refuse public share links to files with
 * PII flags, and to files whose scan has not finished yet.
 */
@ConfigurationProperties("ferry.pii")
record PiiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("32MB") DataSize maxBytes,
		@DefaultValue("false") boolean blockPublicSharing, @DefaultValue("2s") Duration interval,
		@DefaultValue("3") int maxAttempts) {

	PiiProperties {
		if (maxBytes.toBytes() < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException("FERRY_PII_MAX_BYTES and the attempts must be positive");
		}
	}

}
