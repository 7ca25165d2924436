package dev.ferry.auth.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Component;

/**
 * What a SAML sign-in remembers between the redirect and the response: the request id
 * under the hash of the RelayState, so any node can finish what another started; and the
 * assertions already used, so none signs anyone in twice; and, once signed in, which
 * provider session each Ferry session belongs to.
 */
@Component
class SamlFlows {

	static final Duration FLOW_TTL = Duration.ofMinutes(10);

	private final SamlRepository repository;

	private final SamlSessions sessions;

	private final Clock clock;

	SamlFlows(SamlRepository repository, SamlSessions sessions, Clock clock) {
		this.repository = repository;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** A new request in flight for {@code provider}, stored until it is answered. */
	Begun begin(String provider) {
		Instant now = clock.instant();
		Begun begun = new Begun(SecureTokens.generate(""), "_" + SecureTokens.generate(""), now);
		repository.startRequest(SecureTokens.hash(begun.relayState()), provider, begun.requestId(), now,
				now.plus(FLOW_TTL));
		return begun;
	}

	/** Takes the request behind this RelayState: once, before it expires; its id. */
	Optional<String> take(String provider, String relayState) {
		return repository.takeRequest(SecureTokens.hash(relayState), provider, clock.instant());
	}

	/**
	 * Marks the assertion used; false when it was used before. Remembered until it could
	 * no longer pass the validity check, clock skew included.
	 */
	boolean firstUse(String provider, SamlAssertion assertion) {
		return repository.use(SecureTokens.hash(provider + "\n" + assertion.id()),
				assertion.notOnOrAfter().plus(ResponseReader.CLOCK_SKEW));
	}

	/**
	 * Remembers which provider session a new Ferry session came from, for single logout.
	 */
	void remember(UUID sessionId, String provider, SamlAssertion assertion) {
		sessions.remember(sessionId, provider, assertion);
	}

	/** A request sent: the RelayState (also the browser's cookie) and the request id. */
	record Begun(String relayState, String requestId, Instant at) {
	}

}
