package dev.ferry.web;

import java.time.Duration;
import java.util.LongSummaryStatistics;
import java.util.stream.LongStream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request rate limits ({@code FERRY_RATE_*}), each an allowance per {@code window}
 * refilled evenly; 0 turns one off. The defaults are far above what a person or a sync
 * client does, so only runaway scripts and floods meet them.
 *
 * @param window the period every allowance below refers to ({@code FERRY_RATE_WINDOW})
 * @param api calls per account ({@code FERRY_RATE_API})
 * @param publicCalls calls without an account, per client address
 * ({@code FERRY_RATE_PUBLIC})
 * @param uploads upload requests (tus creation and PATCH, plain uploads) per account or,
 * without one, per address ({@code FERRY_RATE_UPLOADS})
 * @param uploadBytes upload body bytes, counted while they stream, per account or address
 * ({@code FERRY_RATE_UPLOAD_BYTES})
 * @param downloadsPerLink downloads through one share link
 * ({@code FERRY_RATE_DOWNLOADS_PER_LINK})
 * @param downloadsPerAddress downloads per client address
 * ({@code FERRY_RATE_DOWNLOADS_PER_ADDRESS})
 * @param downloadsPerAccount downloads per account
 * ({@code FERRY_RATE_DOWNLOADS_PER_ACCOUNT})
 */
@ConfigurationProperties("ferry.rate")
record RateLimitProperties(@DefaultValue("1m") Duration window, @DefaultValue("3000") int api,
		@DefaultValue("1200") int publicCalls, @DefaultValue("1200") int uploads,
		@DefaultValue("10GB") DataSize uploadBytes, @DefaultValue("600") int downloadsPerLink,
		@DefaultValue("1200") int downloadsPerAddress, @DefaultValue("1200") int downloadsPerAccount) {

	RateLimitProperties {
		LongSummaryStatistics allowances = LongStream
			.of(api, publicCalls, uploads, uploadBytes.toBytes(), downloadsPerLink, downloadsPerAddress,
					downloadsPerAccount)
			.summaryStatistics();
		if (window.isNegative() || window.isZero() || allowances.getMin() < 0) {
			throw new IllegalArgumentException(
					"FERRY_RATE_WINDOW must be positive and every FERRY_RATE_* allowance 0 (off) or more");
		}
		// Bucket4j refills at most one unit per nanosecond; above that every counted
		// request would fail, so the start is refused instead.
		long most = allowances.getMax();
		if (most > window.toNanos()) {
			throw new IllegalArgumentException("A FERRY_RATE_* allowance of " + most + " per " + window
					+ " is more than one per nanosecond, which the rate limiter cannot count: lengthen"
					+ " FERRY_RATE_WINDOW, lower the allowance, or set it to 0 to turn that limit off");
		}
	}

}
