package dev.ferry.auth.password;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.RequestLimits;
import dev.ferry.auth.UserRepository;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Requests for a password reset mail, answered before anything is looked up. */
@Component
class ResetRequests {

	private final RequestLimits limits;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final TaskExecutor executor;

	private final ResetMail mail;

	ResetRequests(RequestLimits limits, AuditLog audit, TransactionTemplate transactions,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, ResetMail mail) {
		this.limits = limits;
		this.audit = audit;
		this.transactions = transactions;
		this.executor = executor;
		this.mail = mail;
	}

	/**
	 * Always the same answer, at once: the lookup and the mail happen in the background,
	 * so neither the answer nor its timing tells whether the address has an account.
	 * Requests over the limits (per address, per account) are dropped silently, so the
	 * answer does not change either.
	 */
	void requestReset(String email, String ip) {
		String normalized = UserRepository.normalize(email);
		if (limits.resetRequest(normalized, ip).isPresent()) {
			audit.record(AuditEvent.denied("auth.password_reset_request")
				.detail("email", normalized)
				.detail("reason", "rate_limited"));
			return;
		}
		audit.record(AuditEvent.success("auth.password_reset_request").detail("email", normalized));
		executor.execute(() -> transactions.executeWithoutResult((status) -> mail.send(normalized)));
	}

}
