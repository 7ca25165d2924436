package dev.ferry.audit;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Signs a head a server from before heads were signed left behind, once this one is up:
 * every record since signs it anyway, and the verifier takes no other unsigned head than
 * an empty trail's.
 */
@Component
class AuditHeadSigning {

	private final AuditRepository repository;

	private final AuditChain chain;

	AuditHeadSigning(AuditRepository repository, AuditChain chain) {
		this.repository = repository;
		this.chain = chain;
	}

	@EventListener(ApplicationReadyEvent.class)
	void signAnUnsignedHead() {
		AuditRepository.Head head = repository.head();
		if (head.signature() == null && head.seq() > 0) {
			repository.signHead(head, chain.signHead(head.seq(), head.hash()));
		}
	}

}
