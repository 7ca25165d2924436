package dev.ferry.admin;

import java.time.LocalDate;

/** What happened on one UTC day. */
public record ActivityDay(LocalDate date, long uploads, long uploadBytes, long downloads, long downloadBytes,
		long failedLogins, long signIns) {
}
