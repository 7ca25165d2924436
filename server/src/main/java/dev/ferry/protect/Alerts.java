package dev.ferry.protect;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Raising alerts (stored, audited, pushed to the live feeds and published as
 * {@link AlertRaised}) and the administrators' view of them.
 */
@Service
class Alerts {

	static final int MAX_LIMIT = 200;

	private final AlertRepository repository;

	private final AlertStream stream;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Alerts(AlertRepository repository, AlertStream stream, AuditLog audit, AccessPolicy access,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.stream = stream;
		this.audit = audit;
		this.access = access;
		this.events = events;
		this.clock = clock;
	}

	void raise(String kind, String subject, String detail) {
		Alert alert = new Alert(UUID.randomUUID(), kind, subject, detail, clock.instant(), null, null);
		repository.insert(alert);
		audit.record(AuditEvent.success("alert.raised")
			.object("alert", alert.id())
			.detail("kind", kind)
			.detail("subject", subject));
		stream.publish(alert.view());
		events.publishEvent(new AlertRaised(alert.id().toString(), kind, subject, detail));
	}

	List<Alert.AlertView> list(CurrentUser user, boolean open, int limit) {
		access.requireAdmin(user, "alert.list");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ProtectException.invalid("limit must be between 1 and " + MAX_LIMIT + ".");
		}
		return repository.latest(open, limit).stream().map(Alert::view).toList();
	}

	Alert.AlertView acknowledge(CurrentUser user, String id) {
		access.requireAdmin(user, "alert.acknowledged");
		UUID parsed = parse(id);
		Alert alert = (parsed != null) ? repository.find(parsed).orElse(null) : null;
		if (alert == null) {
			audit.record(AuditEvent.failure("alert.acknowledged").detail("reason", "not_found"));
			throw ProtectException.notFound("alert with this id");
		}
		repository.acknowledge(alert.id(), user.userId(), clock.instant());
		audit.record(AuditEvent.success("alert.acknowledged").object("alert", alert.id()));
		return repository.find(alert.id()).orElseThrow().view();
	}

	SseEmitter stream(CurrentUser user) {
		access.requireAdmin(user, "alert.stream");
		audit.record(AuditEvent.success("alert.stream"));
		return stream.open(user.userId());
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
