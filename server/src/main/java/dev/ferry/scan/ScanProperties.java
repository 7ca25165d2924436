package dev.ferry.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scan settings. {@code clamd} is {@code tcp://host:port} or a Unix socket path; empty
 * means no scanner (files are marked skipped). {@code unavailable} says what happens to a
 * file the scanner could not check after {@code maxAttempts}: {@code hold} keeps it
 * pending (retrying) so only its owner can download it, {@code allow} marks it
 * {@code error} and serves it.
 */
@ConfigurationProperties("ferry.scan")
record ScanProperties(String clamd, @DefaultValue("hold") Unavailable unavailable,
		@DefaultValue("2s") Duration interval, @DefaultValue("5") int maxAttempts,
		@DefaultValue("60s") Duration timeout) {

	ScanProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("FERRY_SCAN_MAX_ATTEMPTS must be at least 1");
		}
		if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("FERRY_SCAN_INTERVAL and FERRY_SCAN_TIMEOUT must be longer than 0");
		}
		if (clamd != null && !clamd.isBlank()) {
			ClamdAddress.parse(clamd);
		}
	}

	boolean configured() {
		return clamd != null && !clamd.isBlank();
	}

	enum Unavailable {

		HOLD, ALLOW

	}

}
