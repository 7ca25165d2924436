package dev.ferry.auth.oidc;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;
import dev.ferry.crypto.SecureTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a sign-in must remember between the start and the callback, and what a finished
 * one keeps for signing out at the provider. Sign-ins in flight live in the database
 * under the hash of their state (nonce and verifier sealed under the KEK), so any node
 * can finish a sign-in another started; a session's ID token is sealed the same way.
 */
@Component
class OidcFlows {

	static final Duration FLOW_TTL = Duration.ofMinutes(10);

	private static final String LOGIN_CONTEXT = "oidc-login:";

	private static final String SESSION_CONTEXT = "sso-session:";

	private final OidcRepository repository;

	private final SealedColumn loginSecrets;

	private final SealedColumn idTokens;

	private final Clock clock;

	OidcFlows(OidcRepository repository, KeyEncryptionKey kek, JdbcClient jdbc, Clock clock) {
		this.repository = repository;
		this.loginSecrets = SealedTable.register(kek, jdbc, "oidc_logins", "state_hash", "sealed_secrets",
				LOGIN_CONTEXT);
		this.idTokens = SealedTable.register(kek, jdbc, "sso_sessions", "session_id", "sealed_id_token",
				SESSION_CONTEXT);
		this.clock = clock;
	}

	/** A new sign-in in flight for {@code provider}, stored until it is taken. */
	Secrets begin(String provider) {
		Secrets secrets = new Secrets(new State(), new Nonce(), new CodeVerifier());
		Instant now = clock.instant();
		String stateHash = SecureTokens.hash(secrets.state().getValue());
		byte[] plain = (secrets.nonce().getValue() + "\n" + secrets.verifier().getValue())
			.getBytes(StandardCharsets.UTF_8);
		repository.startLogin(stateHash, provider, loginSecrets.seal(plain, LOGIN_CONTEXT + stateHash), now,
				now.plus(FLOW_TTL));
		return secrets;
	}

	/** Takes the sign-in with this state: once, before it expires. */
	Optional<Secrets> take(String provider, String state) {
		String stateHash = SecureTokens.hash(state);
		return repository.takeLogin(stateHash, provider, clock.instant()).map((sealed) -> {
			String[] parts = new String(loginSecrets.open(sealed, LOGIN_CONTEXT + stateHash), StandardCharsets.UTF_8)
				.split("\n", 2);
			return new Secrets(new State(state), new Nonce(parts[0]), new CodeVerifier(parts[1]));
		});
	}

	void remember(UUID sessionId, String provider, JWT idToken) {
		repository.saveSession(sessionId, provider,
				idTokens.seal(idToken.getParsedString().getBytes(StandardCharsets.UTF_8), SESSION_CONTEXT + sessionId));
	}

	/** The provider and ID token behind a session, if it began with single sign-on. */
	Optional<Remembered> session(UUID sessionId) {
		return repository.findSession(sessionId).flatMap((sso) -> {
			try {
				return Optional.of(new Remembered(sso.provider(),
						JWTParser.parse(new String(idTokens.open(sso.sealedIdToken(), SESSION_CONTEXT + sessionId),
								StandardCharsets.UTF_8))));
			}
			catch (ParseException ex) {
				return Optional.empty();
			}
		});
	}

	record Secrets(State state, Nonce nonce, CodeVerifier verifier) {
	}

	record Remembered(String provider, JWT idToken) {
	}

}
