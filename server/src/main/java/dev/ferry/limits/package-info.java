/**
 * Guessing and rate limits: named allowances ({@link dev.ferry.limits.Limit}) counted per
 * key behind one interface ({@link dev.ferry.limits.Limiter}), so the in-process
 * implementation can be replaced by a shared store for a cluster. Other modules only see
 * {@code Limit}, {@code Limiter}, {@code Counter}, {@code Refusal}, {@code Usage} and
 * {@code ClientAddress}.
 */
@ApplicationModule(allowedDependencies = {})
package dev.ferry.limits;

import org.springframework.modulith.ApplicationModule;
