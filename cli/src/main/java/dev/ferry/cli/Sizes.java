package dev.ferry.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human sizes and durations, both ways ({@code 2M}, {@code 7d}). */
final class Sizes {

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMG]?)(i?B)?", Pattern.CASE_INSENSITIVE);

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhdw])", Pattern.CASE_INSENSITIVE);

	private Sizes() {
	}

	/** {@code 512}, {@code 64K}, {@code 2M}, {@code 1G}: powers of 1024. */
	static long parseBytes(String text) {
		Matcher matcher = SIZE.matcher(text.trim());
		if (!matcher.matches()) {
			throw new CliException(ExitCode.USAGE, "'" + text + "' is not a size; write it like 512K, 8M or 1G.");
		}
		long number = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
			case "K" -> number << 10;
			case "M" -> number << 20;
			case "G" -> number << 30;
			default -> number;
		};
	}

	/** {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}. */
	static Duration parseDuration(String text) {
		Matcher matcher = DURATION.matcher(text.trim());
		if (!matcher.matches()) {
			throw new CliException(ExitCode.USAGE,
					"'" + text + "' is not a duration; write it like 30m, 12h, 7d or 2w.");
		}
		long number = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
			case "s" -> Duration.ofSeconds(number);
			case "m" -> Duration.ofMinutes(number);
			case "h" -> Duration.ofHours(number);
			case "d" -> Duration.ofDays(number);
			default -> Duration.ofDays(7 * number);
		};
	}

	static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KiB", "MiB", "GiB", "TiB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
	}

	static String clock(long seconds) {
		if (seconds >= 3600) {
			return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

}
