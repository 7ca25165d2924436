package dev.ferry.storage.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The node-local disk cache in front of S3 ({@code FERRY_CACHE_DIR},
 * {@code FERRY_CACHE_SIZE}). {@code dir} defaults to {@code <data-dir>/cache}; a size of
 * zero turns the cache off. The local store never uses it: its objects are on disk
 * already.
 */
@ConfigurationProperties("ferry.storage.cache")
record SegmentCacheProperties(Path dir, @DefaultValue("1GB") DataSize size) {

	SegmentCacheProperties {
		if (size.isNegative()) {
			throw new IllegalArgumentException("FERRY_CACHE_SIZE must not be negative, not " + size);
		}
	}

	boolean enabled() {
		return size.toBytes() > 0;
	}

	Path dirOrDefault(Path dataDir) {
		return (dir == null || dir.toString().isBlank()) ? dataDir.resolve("cache") : dir;
	}

}
