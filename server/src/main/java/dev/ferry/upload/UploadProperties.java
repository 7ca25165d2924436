package dev.ferry.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * tus upload settings. {@code expiry} is how long an upload may sit idle before its
 * staged bytes are destroyed (each accepted PATCH restarts the clock) and how long a
 * finished upload stays visible to HEAD; {@code maxSize} is the largest single upload
 * ({@code Tus-Max-Size}). {@code minChunk} is the least a PATCH that does not finish the
 * upload must bring, {@code maxParts} how many stored parts one upload may have, and
 * {@code patchRate} how many PATCHes per minute one upload gets.
 * {@code ferry.upload.cleanup-interval} is read by {@link UploadCleanup}'s schedule.
 */
@ConfigurationProperties("ferry.upload")
record UploadProperties(@DefaultValue("24h") Duration expiry, @DefaultValue("100GB") DataSize maxSize,
		@DefaultValue("1MB") DataSize minChunk, @DefaultValue("20000") int maxParts,
		@DefaultValue("600") int patchRate) {

}
