package dev.ferry.storage.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a new blob's parts try zstd ({@code FERRY_COMPRESSION}: {@code zstd}, the
 * default, or {@code off}). Types that are compressed already are not tried: zstd would
 * only spend CPU to find that out on the first frame.
 */
record Compression(boolean enabled) {

	private static final Set<String> COMPRESSED = Set.of("application/zip", "application/gzip", "application/x-gzip",
			"application/x-bzip2", "application/x-xz", "application/x-7z-compressed", "application/vnd.rar",
			"application/x-rar-compressed", "application/zstd", "application/x-compress", "application/pdf",
			"application/java-archive", "application/epub+zip", "application/x-lzip", "application/x-lz4");

	private static final Set<String> COMPRESSED_PREFIXES = Set.of("video/", "audio/",
			"application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.");

	static Compression parse(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "zstd", "" -> new Compression(true);
			case "off" -> new Compression(false);
			default -> throw new IllegalStateException("FERRY_COMPRESSION must be zstd or off, not " + value);
		};
	}

	/** Whether content declared as {@code contentType} (may be null) is worth trying. */
	boolean worthTrying(String contentType) {
		if (!enabled) {
			return false;
		}
		if (contentType == null) {
			return true;
		}
		String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
		if (type.startsWith("image/")) {
			return type.equals("image/svg+xml") || type.equals("image/bmp") || type.equals("image/tiff");
		}
		return !COMPRESSED.contains(type) && COMPRESSED_PREFIXES.stream().noneMatch(type::startsWith);
	}

}
