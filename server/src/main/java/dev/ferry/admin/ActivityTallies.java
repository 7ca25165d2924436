package dev.ferry.admin;

import java.time.Instant;

import dev.ferry.audit.ActivityCounts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Tallies the audit trail's activity between two instants, asked of the audit module. */
@Component
class ActivityTallies {

	private final ActivityCounts activity;

	private final JsonMapper json;

	ActivityTallies(ActivityCounts activity, JsonMapper json) {
		this.activity = activity;
		this.json = json;
	}

	/** What happened from {@code from} up to and including {@code until}. */
	ActivityTally between(Instant from, Instant until) {
		Instant end = until.plusMillis(1);
		ActivityTally tally = new ActivityTally(this.json);
		this.activity.perDay(ActivityTally.COUNTED, from, end).forEach(tally::count);
		this.activity.successes(ActivityTally.WITH_BYTES, from, end, tally::bytes);
		return tally;
	}

}
