package dev.ferry.files;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.files.BulkJob.BulkOutcome;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(BulkService.class);

	/** Sets up to this size finish within the request. */
	static final int INLINE = 100;

	/**
	 * Background jobs one account may have running: each holds its ids and works the
	 * shared database, and nothing else bounds how many a client starts.
	 */
	static final int MAX_RUNNING = 3;

	/**
	 * A running job saves its progress every 50 files; one silent this long died with its
	 * node and no longer counts.
	 */
	private static final Duration STALLED = Duration.ofMinutes(10);

	/** A running job writes its progress every this many files. */
	private static final int PROGRESS_EVERY = 50;

	private final BulkItems items;

	private final BulkJobRepository jobs;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final TaskExecutor executor;

	private final Clock clock;

	private final FolderMoves folders;

	BulkService(BulkItems items, BulkJobRepository jobs, AuditLog audit, AccessPolicy access,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock, FolderMoves folders) {
		this.folders = folders;
		this.items = items;
		this.jobs = jobs;
		this.audit = audit;
		this.access = access;
		this.executor = executor;
		this.clock = clock;
	}

	/** The finished job for a small set, the running one for a large set. */
	BulkJob start(CurrentUser owner, BulkRequest request) {
		return start(owner, request.operation(), request.ids(), (id) -> items.apply(owner, request, id));
	}

	/**
	 * Moves every file at or below folder {@code from} to the same place below {@code to}
	 * ({@code /a/x/f.txt} to {@code /b/x/f.txt}), conflicts as in a bulk move, and the
	 * empty folders made there, at once.
	 */
	BulkJob moveFolder(CurrentUser owner, String from, String to, BulkItems.MoveConflict conflict) {
		access.requireScope(owner, Scope.WRITE, "folder.moved");
		FolderMoves.MovedFolder move = FolderMoves.paths(from, to);
		List<FileRecord> files = items.below(owner, move.source(), BulkRequest.MAX_IDS + 1);
		if (files.size() > BulkRequest.MAX_IDS) {
			throw BulkProblems.invalid("The folder must hold at most " + BulkRequest.MAX_IDS + " files.");
		}
		Map<String, String> destinations = new HashMap<>();
		files.forEach((file) -> destinations.put(file.id().toString(),
				FilePaths.folder(move.target() + file.folder().substring(move.source().length()))));
		if (folders.moveEmpty(owner, move, null) == 0 && files.isEmpty()) {
			throw BulkProblems.invalid("There is no folder " + move.source() + " to move: nothing lies in it.");
		}
		return start(owner, "move", List.copyOf(destinations.keySet()),
				(id) -> items.move(owner, id, destinations.get(id), conflict));
	}

	private BulkJob start(CurrentUser owner, String operation, List<String> ids, Function<String, BulkOutcome> each) {
		access.requireScope(owner, Scope.WRITE, "files.bulk");
		if (ids.size() > INLINE && jobs.running(owner.userId(), clock.instant().minus(STALLED)) >= MAX_RUNNING) {
			audit.record(AuditEvent.failure("files.bulk.started")
				.detail("operation", operation)
				.detail("count", ids.size())
				.detail("reason", "too_many_jobs"));
			throw BulkProblems.tooManyJobs(MAX_RUNNING);
		}
		BulkJob job = BulkJob.start(owner.userId(), operation, ids.size(), clock.instant());
		jobs.insert(job);
		audit.record(AuditEvent.success("files.bulk.started")
			.object("job", job.id())
			.detail("operation", operation)
			.detail("count", job.total()));
		if (ids.size() <= INLINE) {
			return run(ids, each, job);
		}
		executor.execute(new DelegatingSecurityContextRunnable(() -> run(ids, each, job)));
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

	private BulkJob run(List<String> ids, Function<String, BulkOutcome> each, BulkJob started) {
		BulkJob job = started;
		int sinceSaved = 0;
		for (String id : ids) {
			BulkOutcome outcome;
			try {
				outcome = each.apply(id);
			}
			catch (FileException ex) {
				outcome = BulkOutcome.FAILED;
			}
			catch (RuntimeException ex) {
				log.warn("Bulk job {} could not handle file {}", started.id(), id, ex);
				outcome = BulkOutcome.FAILED;
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
