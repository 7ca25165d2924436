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
import dev.ferry.audit.AuditRetention;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.files.AgedFiles;
import dev.ferry.files.AgedFiles.AgedFile;
import dev.ferry.files.FileContent;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Retention policies and runs. A dry run and a run given the same {@code as_of} use the
 * same cutoffs, so the run removes exactly what the dry run listed (files uploaded and
 * audit records written before a past cutoff do not change, except by removal).
 */
@Service
class RetentionService {

	static final int LISTED = 1000;

	static final int MAX_DAYS = 36_500;

	private static final int BATCH = 200;

	private final RetentionPolicies policies;

	private final AgedFiles files;

	private final FileContent content;

	private final AuditRetention auditRetention;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	RetentionService(RetentionPolicies policies, AgedFiles files, FileContent content, AuditRetention auditRetention,
			AccessPolicy access, AuditLog audit, Clock clock) {
		this.policies = policies;
		this.files = files;
		this.content = content;
		this.auditRetention = auditRetention;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	Map<String, Integer> get(CurrentUser caller) {
		access.requireAdmin(caller, "retention.read");
		audit.record(AuditEvent.success("retention.read"));
		return names(policies.all());
	}

	Map<String, Integer> replace(CurrentUser caller, Map<String, Integer> requested) {
		access.requireAdmin(caller, "retention.update");
		Map<RetentionCategory, Integer> parsed = new EnumMap<>(RetentionCategory.class);
		requested.forEach((name, days) -> {
			RetentionCategory category = RetentionCategory.named(name)
				.orElseThrow(() -> invalid("Unknown retention category '" + name + "'; supported: files, audit."));
			if (days == null || days < 1 || days > MAX_DAYS) {
				throw invalid("'" + name + "' must be a number of days from 1 to " + MAX_DAYS + ".");
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
		Instant at = asOf(asOf);
		List<RetentionPlan.RetentionStep> categories = new ArrayList<>();
		policies.all().forEach((category, days) -> categories.add(plan(category, days, at)));
		audit.record(AuditEvent.success("retention.preview").detail("as_of", at.toString()));
		return new RetentionPlan(at, true, categories);
	}

	RetentionPlan run(CurrentUser caller, Instant asOf) {
		access.requireAdmin(caller, "retention.run");
		return run(asOf(asOf));
	}

	/** The scheduled run, as of now. */
	RetentionPlan run(Instant asOf) {
		List<RetentionPlan.RetentionStep> categories = new ArrayList<>();
		policies.all().forEach((category, days) -> categories.add(apply(category, days, asOf)));
		AuditEvent event = AuditEvent.success("retention.run").detail("as_of", asOf.toString());
		for (RetentionPlan.RetentionStep done : categories) {
			event = event.detail(done.category(), done.count());
		}
		audit.record(event);
		return new RetentionPlan(asOf, false, categories);
	}

	private RetentionPlan.RetentionStep plan(RetentionCategory category, int days, Instant asOf) {
		Instant cutoff = asOf.minus(Duration.ofDays(days));
		if (category == RetentionCategory.FILES) {
			long count = files.countUploadedBefore(cutoff);
			List<RetentionPlan.RetentionItem> listed = files.uploadedBefore(cutoff, LISTED)
				.stream()
				.map(RetentionPlan.RetentionItem::of)
				.toList();
			return new RetentionPlan.RetentionStep(category.apiName(), days, cutoff, count, listed, count > LISTED,
					null, null, null);
		}
		AuditRetention.Range range = auditRetention.candidates(cutoff);
		return auditCategory(days, cutoff, range);
	}

	private RetentionPlan.RetentionStep apply(RetentionCategory category, int days, Instant asOf) {
		Instant cutoff = asOf.minus(Duration.ofDays(days));
		if (category == RetentionCategory.FILES) {
			List<RetentionPlan.RetentionItem> removed = new ArrayList<>();
			long count = 0;
			for (List<AgedFile> batch = files.uploadedBefore(cutoff, BATCH); !batch.isEmpty(); batch = files
				.uploadedBefore(cutoff, BATCH)) {
				for (AgedFile file : batch) {
					content.purge(file.ownerId(), file.id(), "retention");
					if (removed.size() < LISTED) {
						removed.add(RetentionPlan.RetentionItem.of(file));
					}
					count++;
				}
			}
			return new RetentionPlan.RetentionStep(category.apiName(), days, cutoff, count, removed, count > LISTED,
					null, null, null);
		}
		AuditRetention.Range range = auditRetention.candidates(cutoff);
		return auditCategory(days, cutoff, (range.count() > 0) ? auditRetention.prune(range.throughSeq()) : range);
	}

	private static RetentionPlan.RetentionStep auditCategory(int days, Instant cutoff, AuditRetention.Range range) {
		return new RetentionPlan.RetentionStep(RetentionCategory.AUDIT.apiName(), days, cutoff, range.count(), null,
				null, (range.count() > 0) ? range.fromSeq() : null, (range.count() > 0) ? range.throughSeq() : null,
				range.archive());
	}

	private Instant asOf(Instant requested) {
		Instant now = clock.instant();
		if (requested == null) {
			return now;
		}
		if (requested.isAfter(now)) {
			throw invalid("'as_of' must not be in the future.");
		}
		return requested;
	}

	private static Map<String, Integer> names(Map<RetentionCategory, Integer> policies) {
		Map<String, Integer> named = new java.util.TreeMap<>();
		policies.forEach((category, days) -> named.put(category.apiName(), days));
		return named;
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "invalid-retention", "Invalid retention request", detail);
	}

}
