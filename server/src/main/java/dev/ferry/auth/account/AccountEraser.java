package dev.ferry.auth.account;

import dev.ferry.audit.AuditErasure;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.User;
import dev.ferry.auth.UserDeletionStarted;
import dev.ferry.auth.UserRepository;
import dev.ferry.notify.Mailer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases an account in one transaction: its owners delete their data first (files are
 * crypto-shredded, exports destroyed), the account row goes with every token, key and
 * credential that cascades from it, the mail outbox forgets its address, and the audit
 * trail keeps only a pseudonym. The erasure's own record is written before the
 * pseudonymisation, so it is covered too.
 */
@Component
class AccountEraser {

	private final UserRepository users;

	private final AuditLog audit;

	private final AuditErasure trail;

	private final ApplicationEventPublisher events;

	private final Mailer mailer;

	AccountEraser(UserRepository users, AuditLog audit, AuditErasure trail, ApplicationEventPublisher events,
			Mailer mailer) {
		this.mailer = mailer;
		this.users = users;
		this.audit = audit;
		this.trail = trail;
		this.events = events;
	}

	/** Erases the account; returns the pseudonym its audit records now carry. */
	@Transactional
	String erase(User user, String action) {
		events.publishEvent(new UserDeletionStarted(user.id()));
		mailer.forget(user.email());
		users.delete(user.id());
		audit.record(AuditEvent.success(action).object("user", user.id()).detail("email", user.email()));
		return trail.pseudonymise(user.id().toString(), user.email());
	}

}
