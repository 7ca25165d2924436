package dev.ferry.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reading the audit trail: searching, exporting and verifying it is for admins only
 * (checked here, whatever the caller went through); every user may read their own
 * activity. Each of these reads is itself audited.
 */
@Service
class AuditTrail {

	private static final Set<String> SEARCH = union(AuditParameters.FILTERS, AuditParameters.PAGING);

	/** A user's own activity: the actor is always the caller. */
	private static final Set<String> ACTIVITY = SEARCH.stream()
		.filter((name) -> !name.equals("actor"))
		.collect(Collectors.toUnmodifiableSet());

	private static final Set<String> EXPORT = union(AuditParameters.FILTERS, Set.of("format", "mask_pii"));

	private final AuditReader reader;

	private final AuditChainVerifier verifier;

	private final AuditExporter exporter;

	private final AuditLog audit;

	private final JsonMapper json;

	private final TrailAccess access;

	AuditTrail(AuditReader reader, AuditChainVerifier verifier, AuditExporter exporter, AuditLog audit, JsonMapper json,
			TrailAccess access) {
		this.access = access;
		this.reader = reader;
		this.verifier = verifier;
		this.exporter = exporter;
		this.audit = audit;
		this.json = json;
	}

	public AuditPage search(AuditActor.Source caller, Map<String, List<String>> query) {
		access.requireAdmin(caller);
		AuditParameters params = AuditParameters.of(query, SEARCH);
		AuditFilter filter = params.filter();
		AuditPage page = page(filter, params);
		audit.record(AuditEvent.success("audit.search").detail("filter", filter.describe()));
		return page;
	}

	public AuditPage activity(AuditActor.Source caller, Map<String, List<String>> query) {
		String actorId = (caller != null) ? caller.auditActor().id() : null;
		if (actorId == null) {
			throw new AccessDeniedException("Only an account has an activity trail");
		}
		access.requireOwnTrail(caller);
		AuditParameters params = AuditParameters.of(query, ACTIVITY);
		AuditPage page = page(params.filter().withActor(actorId), params);
		audit.record(AuditEvent.success("audit.activity").object("user", actorId));
		return page;
	}

	public ChainVerification verify(AuditActor.Source caller) {
		access.requireAdmin(caller);
		ChainVerification result = verifier.verify();
		AuditEvent event = result.valid() ? AuditEvent.success("audit.verify") : AuditEvent.failure("audit.verify");
		audit.record(event.detail("checked", result.checked())
			.detail("first_invalid_id", result.firstInvalidId())
			.detail("reason", result.reason()));
		return result;
	}

	public AuditExport export(AuditActor.Source caller, Map<String, List<String>> query) {
		access.requireAdmin(caller);
		AuditParameters params = AuditParameters.of(query, EXPORT);
		AuditFilter filter = params.filter();
		ExportFormat format = params.format();
		boolean mask = params.maskPii();
		long untilSeq = reader.lastSeq();
		audit.record(AuditEvent.success("audit.export")
			.detail("format", format.extension())
			.detail("mask_pii", mask)
			.detail("filter", filter.describe())
			.detail("until_seq", untilSeq));
		String filename = "ferry-audit-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "")
				+ "." + format.extension();
		return new AuditExport(format, filename, (out) -> exporter.write(filter, format, untilSeq, out, mask));
	}

	private AuditPage page(AuditFilter filter, AuditParameters params) {
		int limit = params.limit();
		Long cursor = params.cursor();
		List<AuditRecord> records = reader.newestFirst(filter, (cursor != null) ? cursor : Long.MAX_VALUE, limit + 1);
		boolean more = records.size() > limit;
		List<AuditItem> items = records.stream().limit(limit).map((r) -> AuditItem.of(r, json)).toList();
		String next = more ? AuditParameters.cursorAfter(items.get(items.size() - 1).seq()) : null;
		return new AuditPage(items, next);
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		List<String> all = new ArrayList<>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return Set.copyOf(all);
	}

}
