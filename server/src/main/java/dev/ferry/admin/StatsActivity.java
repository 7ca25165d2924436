package dev.ferry.admin;

import java.time.LocalDate;
import java.util.List;

/** Activity per UTC day over the last {@code days} days, today included. */
public record StatsActivity(int days, LocalDate from, LocalDate to, List<ActivityDay> items, ActivityTotals totals) {
}
