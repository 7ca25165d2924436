package dev.ferry.upload;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Limits PATCH requests per upload ({@code ferry.upload.patch-rate} a minute, as a burst
 * or evenly): Bucket4j buckets in a bounded in-process cache. A PATCH over the rate waits
 * for its turn when that comes within {@link #MAX_WAIT} (tus clients do not retry a 429,
 * so a slowed answer keeps them working) and is refused with 429 otherwise.
 */
@Component
class PatchThrottle {

	static final Duration MAX_WAIT = Duration.ofSeconds(5);

	private static final long MAX_TRACKED = 100_000;

	private final Cache<UUID, Bucket> buckets;

	private final Bandwidth limit;

	PatchThrottle(UploadProperties properties) {
		int rate = Math.max(1, properties.patchRate());
		this.limit = Bandwidth.builder().capacity(rate).refillGreedy(rate, Duration.ofMinutes(1)).build();
		this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(MAX_TRACKED).build();
	}

	void acquire(UUID uploadId) {
		Bucket bucket = buckets.get(uploadId, (id) -> Bucket.builder().addLimit(limit).build());
		boolean granted;
		try {
			granted = bucket.asBlocking().tryConsume(1, MAX_WAIT);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			granted = false;
		}
		if (!granted) {
			throw UploadException
				.tooManyPatches(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
		}
	}

}
