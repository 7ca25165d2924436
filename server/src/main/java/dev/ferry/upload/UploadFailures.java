package dev.ferry.upload;

import java.util.UUID;
import java.util.function.Supplier;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;

import org.springframework.stereotype.Component;

/**
 * Audits an upload step's refusal (any problem: ours, a file name's, a race) as
 * {@code upload.failed} and passes it on. Steps it watches do not nest, so a refusal is
 * recorded once.
 */
@Component
class UploadFailures {

	private final AuditLog audit;

	UploadFailures(AuditLog audit) {
		this.audit = audit;
	}

	/** Runs {@code action}, auditing a refusal. */
	<T> T failing(UUID id, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ProblemException ex) {
			throw failed(id, ex);
		}
	}

	/** {@link #failing} for a check that returns nothing. */
	void checking(UUID id, Runnable check) {
		try {
			check.run();
		}
		catch (ProblemException ex) {
			throw failed(id, ex);
		}
	}

	ProblemException failed(UUID id, ProblemException ex) {
		this.audit.record(AuditEvent.failure("upload.failed")
			.object("upload", id)
			.detail("reason", ex.getBody().getType().toString()));
		return ex;
	}

}
