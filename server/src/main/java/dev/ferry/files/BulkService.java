package dev.ferry.files;

import java.time.Clock;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;

/**
 * Runs a bulk move, delete or tag: up to {@link #INLINE} files within the request, more
 * as a background job on this node whose progress row ({@code file_jobs}) any node
 * answers. Each file goes through {@link BulkItems}, so it is checked and audited like a
 * single-file call; the job runs as the caller.
 */
@Service
class BulkService {

	/** Sets up to this size finish within the request. */
	static final int INLINE = 100;

	/** A running job writes its progress every this many files. */
	private static final int PROGRESS_EVERY = 50;

	private final BulkItems items;

	private final BulkJobRepository jobs;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final TaskExecutor executor;

	private final Clock clock;

	BulkService(BulkItems items, BulkJobRepository jobs, AuditLog audit, AccessPolicy access,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
		this.items = items;
		this.jobs = jobs;
		this.audit = audit;
		this.access = access;
		this.executor = executor;
		this.clock = clock;
	}

	/** The finished job for a small set, the running one for a large set. */
	BulkJob start(CurrentUser owner, BulkRequest request) {
		access.requireScope(owner, Scope.WRITE, "files.bulk");
		BulkJob job = BulkJob.start(owner.userId(), request.operation(), request.ids().size(), clock.instant());
		jobs.insert(job);
		audit.record(AuditEvent.success("files.bulk.started")
			.object("job", job.id())
			.detail("operation", request.operation())
			.detail("count", job.total()));
		if (request.ids().size() <= INLINE) {
			return run(owner, request, job);
		}
		executor.execute(new DelegatingSecurityContextRunnable(() -> run(owner, request, job)));
		return job;
	}

	BulkJob status(CurrentUser owner, String id) {
		access.requireScope(owner, Scope.READ, "files.bulk.read");
		try {
			return jobs.find(UUID.fromString(id), owner.userId()).orElseThrow(BulkProblems::jobNotFound);
		}
		catch (IllegalArgumentException ex) {
			throw BulkProblems.jobNotFound();
		}
	}

	private BulkJob run(CurrentUser owner, BulkRequest request, BulkJob started) {
		BulkJob job = started;
		int sinceSaved = 0;
		for (String id : request.ids()) {
			BulkJob.BulkOutcome outcome;
			try {
				outcome = items.apply(owner, request, id);
			}
			catch (RuntimeException ex) {
				outcome = BulkJob.BulkOutcome.FAILED;
			}
			job = job.count(outcome, clock.instant());
			if (++sinceSaved == PROGRESS_EVERY) {
				jobs.progress(job);
				sinceSaved = 0;
			}
		}
		job = job.finished(clock.instant());
		jobs.progress(job);
		audit.record(AuditEvent.success("files.bulk.finished")
			.object("job", job.id())
			.detail("operation", job.operation())
			.detail("done", job.done())
			.detail("skipped", job.skipped())
			.detail("failed", job.failed()));
		return job;
	}

}
