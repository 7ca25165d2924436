package dev.ferry.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Blob storage settings. {@code dir} ({@code FERRY_STORAGE_DIR}) defaults to
 * {@code <data-dir>/blobs}; {@code abandonedAfter} is how old an unfinished or
 * unreferenced object must be before cleanup removes it (it must exceed the longest
 * single part write); {@code unclaimedAfter} how old a blob no row refers to must be
 * before cleanup destroys it (it must exceed the longest write before the row exists: one
 * plain upload's request, an export's build).
 */
@ConfigurationProperties("ferry.storage")
public record StorageProperties(Path dir, @DefaultValue("1h") Duration abandonedAfter,
		@DefaultValue("1d") Duration unclaimedAfter, @DefaultValue("10000") long keyCacheSize,
		@DefaultValue("5m") Duration keyCacheTtl) {

	public Path dirOrDefault(Path dataDir) {
		return (dir == null || dir.toString().isBlank()) ? dataDir.resolve("blobs") : dir;
	}

}
