package dev.ferry.limits;

import java.time.Duration;

/**
 * The answer to {@link Limiter#take}: whether the amount was taken, what the counter has
 * left, and (when refused) how long until the amount would be there.
 */
public record Usage(boolean granted, long remaining, Duration retryAfter) {

}
