package dev.ferry.retention;

import java.time.Instant;

/**
 * One category's share of a retention run: what would go before a cutoff (the dry run)
 * and removing it. Given the same cutoff both see the same items, as nothing new can fall
 * before a past cutoff.
 */
interface CategorySweep {

	RetentionCategory category();

	RetentionPlan.RetentionStep plan(int days, Instant cutoff);

	RetentionPlan.RetentionStep apply(int days, Instant cutoff);

}
