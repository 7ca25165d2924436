package dev.ferry;

import java.util.regex.Pattern;

/**
 * Entry names of the ZIPs Ferry builds, made to extract under the same name everywhere:
 * Windows refuses {@code < > : " | ? *} in a name, opens a device for {@code CON},
 * {@code NUL}, {@code COM1}... whatever the extension, and drops trailing dots and
 * spaces, so an archive of names valid in Ferry (and on Linux or macOS) would fail to
 * extract or lose files there.
 */
public final class ZipNames {

	private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"|?*]");

	private static final Pattern TRAILING = Pattern.compile("[. ]+$");

	private static final Pattern DEVICE = Pattern
		.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3])(\\..*)?");

	private ZipNames() {
	}

	/** {@code name} (one path segment) as every common unzip extracts it. */
	public static String portable(String name) {
		String cleaned = TRAILING.matcher(FORBIDDEN.matcher(name).replaceAll("_")).replaceAll("");
		if (cleaned.isEmpty()) {
			return "file";
		}
		return DEVICE.matcher(cleaned).matches() ? "_" + cleaned : cleaned;
	}

}
