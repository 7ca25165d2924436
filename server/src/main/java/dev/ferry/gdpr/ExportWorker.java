package dev.ferry.gdpr;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.auth.Accounts;
import dev.ferry.auth.User;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds requested exports in the background, one at a time per node, into an encrypted
 * blob; marks the request ready with the SHA-256 of a fresh link token and mails the link
 * (the token exists in plaintext only in that mail). Ready exports past their validity
 * are crypto-shredded here too.
 */
@Component
class ExportWorker {

	/** A build not finished after this long is taken as dead (its node stopped). */
	static final Duration STALE = Duration.ofMinutes(30);

	private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

	private final ExportRepository exports;

	private final ExportArchive archive;

	private final BlobStorage storage;

	private final Accounts accounts;

	private final ExportNotices notices;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ExportWorker(ExportRepository exports, ExportArchive archive, BlobStorage storage, Accounts accounts,
			ExportNotices notices, Clock clock, TransactionTemplate transactions) {
		this.exports = exports;
		this.archive = archive;
		this.storage = storage;
		this.accounts = accounts;
		this.notices = notices;
		this.clock = clock;
		this.transactions = transactions;
	}

	void run() {
		// A stopping node claims nothing more: the claim would sit until it went stale.
		while (!Thread.currentThread().isInterrupted()) {
			Instant claimedAt = clock.instant();
			Optional<ExportRequest> next = exports.claim(claimedAt, STALE);
			if (next.isEmpty()) {
				break;
			}
			build(next.get(), claimedAt);
		}
		for (ExportRequest expired : exports.expired(clock.instant())) {
			storage.destroy(expired.blobId());
			exports.delete(expired.id());
		}
	}

	private void build(ExportRequest request, Instant claimedAt) {
		Optional<User> user = accounts.find(request.userId());
		if (user.isEmpty()) {
			exports.delete(request.id());
			return;
		}
		if (!user.get().isActive()) {
			transactions.executeWithoutResult((status) -> {
				if (exports.failed(request.id(), claimedAt, "The account was suspended before its export was built.",
						clock.instant())) {
					notices.audit(AuditEvent.failure("gdpr.export_build").detail("reason", "account_inactive"),
							user.get(), request.id());
				}
			});
			return;
		}
		UUID blob = storage.create();
		long size;
		try (PendingPart part = storage.beginPart(blob, 0)) {
			archive.write(user.get(), part.stream());
			size = part.commit();
		}
		catch (IOException | RuntimeException ex) {
			if (stoppedByShutdown(ex)) {
				// The node stops (the scheduler interrupts what outlives its wait): the
				// request goes back to the queue for the next node, not to "failed".
				boolean interrupted = Thread.interrupted();
				storage.destroy(blob);
				exports.release(request.id(), claimedAt);
				log.info("Data export {} stopped by the node's shutdown; queued again", request.id());
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			log.warn("Could not build data export {}: {}", request.id(), ex.toString());
			storage.destroy(blob);
			transactions.executeWithoutResult((status) -> {
				// An erasure during the build (which shreds what it reads, and so often
				// causes the failure) took the request along: no record may name the
				// erased account again.
				if (exports.failed(request.id(), claimedAt, "The export could not be built; request a new one.",
						clock.instant())) {
					notices.audit(AuditEvent.failure("gdpr.export_build"), user.get(), request.id());
				}
			});
			return;
		}
		String token = SecureTokens.generate("fyx_");
		Instant now = clock.instant();
		Instant expires = now.plus(notices.validity());
		transactions.executeWithoutResult((status) -> {
			if (!exports.ready(request.id(), claimedAt, blob, size, SecureTokens.hash(token), now, expires)) {
				// The account was erased while this was built (its request went with it,
				// and so must the copy; no mail to the erased address), or the build ran
				// stale and another node's build of the request is the one that counts.
				storage.destroy(blob);
				return;
			}
			notices.audit(AuditEvent.success("gdpr.export_build").detail("size", size), user.get(), request.id());
			notices.mailReady(user.get(), token, expires);
		});
	}

	/** Whether {@code failure} is the thread being stopped, not the build failing. */
	static boolean stoppedByShutdown(Throwable failure) {
		if (Thread.currentThread().isInterrupted()) {
			return true;
		}
		// Not InterruptedIOException: a socket's timeout is one, and a build that timed
		// out failed (released, it would be claimed again at once, for ever).
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClosedByInterruptException) {
				return true;
			}
		}
		return false;
	}

}
