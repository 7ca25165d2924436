package dev.ferry.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ferry.audit.ActivityCounts;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns audit events into activity figures. What counts: a file created (every upload
 * channel ends there) is an upload of {@code size} bytes; a completed download of one's
 * own file, of a file shared with one, or through a share link is a download of
 * {@code bytes}; a sign-in is a successful {@code auth.login}; a failed login is a
 * refused or failed password or second-factor step.
 */
final class ActivityTally {

	static final String UPLOAD = "file.created";

	static final Set<String> DOWNLOADS = Set.of("file.download", "grant.download", "share.download_completed");

	static final String SIGN_IN = "auth.login";

	static final Set<String> LOGIN_STEPS = Set.of("auth.login", "auth.mfa");

	/** Every action that {@link #count} looks at. */
	static final Set<String> COUNTED = Set.of(UPLOAD, "file.download", "grant.download", "share.download_completed",
			"auth.login", "auth.mfa");

	/** The actions whose details carry a byte count. */
	static final Set<String> WITH_BYTES = Set.of(UPLOAD, "file.download", "grant.download", "share.download_completed");

	private final Map<Long, Figures> days = new HashMap<>();

	private final JsonMapper json;

	ActivityTally(JsonMapper json) {
		this.json = json;
	}

	void count(ActivityCounts.DayCount row) {
		Figures day = day(row.day());
		boolean success = "success".equals(row.outcome());
		if (success && UPLOAD.equals(row.action())) {
			day.uploads += row.count();
		}
		else if (success && DOWNLOADS.contains(row.action())) {
			day.downloads += row.count();
		}
		else if (success && SIGN_IN.equals(row.action())) {
			day.signIns += row.count();
		}
		else if (!success && LOGIN_STEPS.contains(row.action())) {
			day.failedLogins += row.count();
		}
	}

	void bytes(ActivityCounts.Detailed row) {
		JsonNode details;
		try {
			details = json.readTree(row.details());
		}
		catch (JacksonException notJson) {
			// A row edited in the database: its bytes are unknown, the rest still counts.
			return;
		}
		if (UPLOAD.equals(row.action())) {
			day(row.day()).uploadBytes += details.path("size").asLong(0);
		}
		else if (DOWNLOADS.contains(row.action())) {
			day(row.day()).downloadBytes += details.path("bytes").asLong(0);
		}
	}

	/** One entry per UTC day from {@code first} to {@code last}, both included. */
	List<ActivityDay> series(long first, long last) {
		List<ActivityDay> series = new ArrayList<>();
		for (long day = first; day <= last; day++) {
			Figures figures = days.getOrDefault(day, new Figures());
			series.add(new ActivityDay(LocalDate.ofEpochDay(day), figures.uploads, figures.uploadBytes,
					figures.downloads, figures.downloadBytes, figures.failedLogins, figures.signIns));
		}
		return series;
	}

	ActivityTotals totals() {
		Figures sum = new Figures();
		for (Figures day : days.values()) {
			sum.uploads += day.uploads;
			sum.uploadBytes += day.uploadBytes;
			sum.downloads += day.downloads;
			sum.downloadBytes += day.downloadBytes;
			sum.failedLogins += day.failedLogins;
			sum.signIns += day.signIns;
		}
		return new ActivityTotals(sum.uploads, sum.uploadBytes, sum.downloads, sum.downloadBytes, sum.failedLogins,
				sum.signIns);
	}

	private Figures day(long day) {
		return days.computeIfAbsent(day, (d) -> new Figures());
	}

	private static final class Figures {

		long uploads;

		long uploadBytes;

		long downloads;

		long downloadBytes;

		long failedLogins;

		long signIns;

	}

}
