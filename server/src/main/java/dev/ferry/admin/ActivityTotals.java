package dev.ferry.admin;

/** Activity summed over a period. */
public record ActivityTotals(long uploads, long uploadBytes, long downloads, long downloadBytes, long failedLogins,
		long signIns) {
}
