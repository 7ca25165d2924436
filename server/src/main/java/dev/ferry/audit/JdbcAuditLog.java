package dev.ferry.audit;

import java.util.UUID;

import dev.ferry.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditLog implements AuditLog {

	static final String METRIC = "ferry.audit.events";

	private static final int MAX_USER_AGENT = 512;

	private final AuditRepository repository;

	private final AuditChain chain;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	JdbcAuditLog(AuditRepository repository, AuditChain chain, JsonMapper json, MeterRegistry meters,
			ApplicationEventPublisher events) {
		this.repository = repository;
		this.chain = chain;
		this.json = json;
		this.meters = meters;
		this.events = events;
	}

	@Override
	@Transactional
	public void record(AuditEvent event) {
		AuditActor actor = (event.actor() != null) ? event.actor() : currentActor();
		HttpServletRequest request = currentRequest();
		AuditOrigin.Client client = (request != null)
				? new AuditOrigin.Client(request.getRemoteAddr(), request.getHeader("User-Agent"))
				: AuditOrigin.current();
		AuditRepository.Head head = repository.advanceHead();
		AuditRecord record = new AuditRecord(head.seq(), UUID.randomUUID().toString(), System.currentTimeMillis(),
				actor.type(), actor.id(), actor.label(), event.action(), event.objectType(), event.objectId(),
				event.outcome().name().toLowerCase(), (client != null) ? client.ip() : null,
				(client != null) ? truncate(client.software()) : null, MDC.get("requestId"),
				json.writeValueAsString(event.details()), null, null);
		String hash = chain.hash(record, head.hash());
		repository.append(record.withHashes(head.hash(), hash), chain.signHead(head.seq(), hash));
		// Counted, marked and published once the record is durable: a record rolled back
		// with its transaction never happened.
		AfterCommit.run(() -> {
			meters.counter(METRIC, "action", record.action(), "outcome", record.outcome()).increment();
			if (request != null && event.outcome() == Outcome.DENIED) {
				request.setAttribute(DENIAL_RECORDED, Boolean.TRUE);
			}
			events
				.publishEvent(new AuditRecorded(record.action(), event.outcome(), record.actorType(), record.actorId(),
						record.actorLabel(), record.objectType(), record.objectId(), record.ip(), event.details()));
		});
	}

	private static AuditActor currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuditActor.Source source) {
			return source.auditActor();
		}
		return AuditActor.anonymous();
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private static String truncate(String userAgent) {
		return (userAgent != null && userAgent.length() > MAX_USER_AGENT) ? userAgent.substring(0, MAX_USER_AGENT)
				: userAgent;
	}

}
