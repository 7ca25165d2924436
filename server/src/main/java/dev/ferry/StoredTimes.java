package dev.ferry;

import java.time.Instant;

/**
 * The span of times Ferry stores and compares: epoch milliseconds from 1970 to the end of
 * 9999. A time parsed from a request outside it (year -300000000 parses) would overflow
 * that arithmetic into a 500, so request parsers refuse it with their own 400.
 */
public final class StoredTimes {

	/** For the 400's detail. */
	public static final String SPAN = "between 1970 and 9999";

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

	private StoredTimes() {
	}

	public static boolean storable(Instant time) {
		return !time.isBefore(Instant.EPOCH) && !time.isAfter(LATEST);
	}

}
