package dev.ferry.share.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

import dev.ferry.ZipArchiveStream;
import dev.ferry.ZipNames;

/**
 * Writes files as one ZIP straight to the response: {@link ZipOutputStream} writes
 * DEFLATED entries with data descriptors (no size needed up front) and switches to ZIP64
 * by itself past 4 GiB or 65,535 entries, so nothing is copied to disk first. Text-like
 * content is deflated at level 1 (fast, most of the gain); content that is already
 * compressed is written with deflate level 0 (stored blocks), because a true STORED entry
 * needs its CRC before its bytes, which would mean reading the file twice.
 */
public final class ZipStreamer {

	private static final int BUFFER = 64 * 1024;

	private static final Set<String> COMPRESSED = Set.of("application/zip", "application/gzip", "application/x-gzip",
			"application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar", "application/x-xz",
			"application/zstd", "application/x-bzip2", "application/x-zstd", "application/epub+zip",
			"application/java-archive");

	private ZipStreamer() {
	}

	public record Item(String name, String contentType, Object key) {
	}

	/**
	 * Writes every item, opening each with {@code opener}; ends the ZIP, leaving
	 * {@code out} open.
	 */
	static void write(List<Item> items, Instant time, OutputStream out, Function<Item, InputStream> opener)
			throws IOException {
		ZipArchiveStream zip = new ZipArchiveStream(out, StandardCharsets.UTF_8);
		try {
			zip.setMethod(ZipArchiveStream.DEFLATED);
			List<String> names = entryNames(items);
			byte[] buffer = new byte[BUFFER];
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				zip.setLevel(isCompressed(item.contentType()) ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
				ZipEntry entry = new ZipEntry(names.get(i));
				entry.setTime(time.toEpochMilli());
				zip.putNextEntry(entry);
				try (InputStream in = opener.apply(item)) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						zip.write(buffer, 0, n);
					}
				}
				zip.closeEntry();
			}
			zip.finish();
			zip.flush();
		}
		finally {
			zip.release();
		}
	}

	static boolean isCompressed(String type) {
		String base = (type == null) ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (base.startsWith("video/") || base.startsWith("audio/")) {
			return true;
		}
		if (base.startsWith("image/")) {
			return !(base.equals("image/svg+xml") || base.equals("image/bmp") || base.equals("image/tiff"));
		}
		return COMPRESSED.contains(base);
	}

	/**
	 * Names that cannot escape the archive's root or collide: separators become
	 * {@code _}, control characters go, dot-only names are replaced, names Windows cannot
	 * extract are made portable ({@link ZipNames}), and duplicates (ignoring case, for
	 * case-insensitive file systems) get " (n)" before the extension.
	 */
	static List<String> entryNames(List<Item> items) {
		Set<String> taken = new HashSet<>();
		List<String> names = new ArrayList<>();
		for (Item item : items) {
			String base = ZipNames.portable(safeName(item.name()));
			String name = base;
			for (int n = 1; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
				name = numbered(base, n);
			}
			names.add(name);
		}
		return names;
	}

	public static String safeName(String name) {
		String cleaned = (name == null) ? "" : name.replace('/', '_').replace('\\', '_').replaceAll("\\p{Cntrl}", "");
		cleaned = cleaned.strip();
		if (cleaned.isEmpty() || cleaned.chars().allMatch((c) -> c == '.')) {
			return "file";
		}
		return cleaned;
	}

	private static String numbered(String name, int n) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
	}

}
