package dev.ferry.admin;

import java.time.Instant;
import java.util.List;

/** The dashboard's headline figures; {@code last24h} is a rolling window ending now. */
public record StatsOverview(Users users, long files, long storedBytes, long activeTransfers, ActivityTotals last24h,
		List<UserStorage> topStorage, Instant generatedAt) {

	public record Users(long total, long active, long suspended) {
	}

}
