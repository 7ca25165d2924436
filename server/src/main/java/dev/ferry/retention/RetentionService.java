package dev.ferry.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention policies and runs. A dry run and a run given the same {@code as_of} use the
 * same cutoffs, so the run removes exactly what the dry run listed (files uploaded,
 * versions replaced, files trashed, downloads started and audit records written before a
 * past cutoff do not change, except by removal; the one exception: a transfer that ended
 * before the cutoff counts only once the sweeper has dealt with it, which can happen in
 * between). Each category is one {@link CategorySweep}.
 */
@Service
class RetentionService {

	static final int LISTED = 1000;

	static final int MAX_DAYS = 36_500;

	private final RetentionPolicies policies;

	private final Map<RetentionCategory, CategorySweep> sweeps = new EnumMap<>(RetentionCategory.class);

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	RetentionService(RetentionPolicies policies, List<CategorySweep> sweeps, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.policies = policies;
		sweeps.forEach((sweep) -> this.sweeps.put(sweep.category(), sweep));
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	Map<String, Integer> get(CurrentUser caller) {
		access.requireAdmin(caller, "retention.read");
		audit.record(AuditEvent.success("retention.read"));
		return names(policies.all());
	}

	/**
	 * Replaces every policy at once: the old ones go and the new ones arrive in one
	 * transaction with their audit record, so two admins saving at once, or a failure
	 * half-way, never leave retention partly off.
	 */
	@Transactional(noRollbackFor = ProblemException.class)
	Map<String, Integer> replace(CurrentUser caller, Map<String, Integer> requested) {
		access.requireAdmin(caller, "retention.update");
		Map<RetentionCategory, Integer> parsed = new EnumMap<>(RetentionCategory.class);
		requested.forEach((name, days) -> {
			RetentionCategory category = RetentionCategory.named(name)
				.orElseThrow(() -> refused("retention.policy_update", "Unknown retention category '" + name
						+ "'; supported: " + RetentionCategory.supported() + "."));
			if (days == null || days < 1 || days > MAX_DAYS) {
				throw refused("retention.policy_update",
						"'" + name + "' must be a number of days from 1 to " + MAX_DAYS + ".");
			}
			parsed.put(category, days);
		});
		Map<String, Integer> before = names(policies.all());
		policies.replace(parsed, clock.instant());
		audit.record(
				AuditEvent.success("retention.policy_update").detail("before", before).detail("after", names(parsed)));
		return names(parsed);
	}

	RetentionPlan preview(CurrentUser caller, Instant asOf) {
		access.requireAdmin(caller, "retention.preview");
		Instant at = asOf(asOf, "retention.preview");
		List<RetentionPlan.RetentionStep> categories = new ArrayList<>();
		policies.all().forEach((category, days) -> categories.add(sweeps.get(category).plan(days, cutoff(at, days))));
		audit.record(AuditEvent.success("retention.preview").detail("as_of", at.toString()));
		return new RetentionPlan(at, true, categories);
	}

	RetentionPlan run(CurrentUser caller, Instant asOf) {
		access.requireAdmin(caller, "retention.run");
		return run(asOf(asOf, "retention.run"));
	}

	/**
	 * The scheduled run, as of now; one category after another, in the enum's order. A
	 * category that fails (the audit chain does not verify) ends the run, which is
	 * audited with what it did so far.
	 */
	RetentionPlan run(Instant asOf) {
		List<RetentionPlan.RetentionStep> categories = new ArrayList<>();
		for (Map.Entry<RetentionCategory, Integer> policy : policies.all().entrySet()) {
			try {
				categories.add(sweeps.get(policy.getKey()).apply(policy.getValue(), cutoff(asOf, policy.getValue())));
			}
			catch (RuntimeException ex) {
				audit.record(done(AuditEvent.failure("retention.run"), asOf, categories).detail("failed_category",
						policy.getKey().apiName()));
				throw ex;
			}
		}
		audit.record(done(AuditEvent.success("retention.run"), asOf, categories));
		return new RetentionPlan(asOf, false, categories);
	}

	private static AuditEvent done(AuditEvent run, Instant asOf, List<RetentionPlan.RetentionStep> categories) {
		AuditEvent event = run.detail("as_of", asOf.toString());
		for (RetentionPlan.RetentionStep done : categories) {
			event = event.detail(done.category(), done.count());
		}
		return event;
	}

	private static Instant cutoff(Instant asOf, int days) {
		return asOf.minus(Duration.ofDays(days));
	}

	private Instant asOf(Instant requested, String action) {
		Instant now = clock.instant();
		if (requested == null) {
			return now;
		}
		if (requested.isAfter(now)) {
			throw refused(action, "'as_of' must not be in the future.");
		}
		// Cut-offs are this less days, stored as epoch milliseconds: a date before 1970
		// only overflowed that arithmetic into a 500, and retains nothing anyway.
		if (requested.isBefore(Instant.EPOCH)) {
			throw refused(action, "'as_of' must not be before 1970.");
		}
		return requested;
	}

	private static Map<String, Integer> names(Map<RetentionCategory, Integer> policies) {
		Map<String, Integer> named = new java.util.TreeMap<>();
		policies.forEach((category, days) -> named.put(category.apiName(), days));
		return named;
	}

	/**
	 * A refused request, audited as a failure of {@code action} with the reason given.
	 */
	private ProblemException refused(String action, String detail) {
		audit.record(AuditEvent.failure(action).detail("reason", "invalid").detail("problem", detail));
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-retention", "Invalid retention request", detail);
	}

}
