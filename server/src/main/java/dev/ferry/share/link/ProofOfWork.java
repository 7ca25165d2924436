package dev.ferry.share.link;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import dev.ferry.SqlDialect;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.crypto.ServerSecrets;
import dev.ferry.share.link.PublicShareController.ChallengeView;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ALTCHA proofs of work, for share links and upload requests alike: a challenge (SHA-256
 * of a random salt and a secret number below {@link #MAX_NUMBER}, signed with an HMAC key
 * only the server knows, bound to one object and valid {@link #LIFETIME}) and the check
 * of its solution. A solved challenge is recorded until it expires, so a payload works
 * once.
 */
@Component
public class ProofOfWork {

	static final long MAX_NUMBER = 100_000;

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	private final ServerSecrets secrets;

	private final Clock clock;

	ProofOfWork(JdbcClient jdbc, SqlDialect dialect, ServerSecrets secrets, Clock clock) {
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** A new challenge for the object {@code id}, named {@code kind} in the challenge. */
	public ChallengeView challenge(String kind, UUID id) {
		long expires = clock.instant().plus(LIFETIME).getEpochSecond();
		try {
			Altcha.Challenge challenge = Altcha
				.createChallenge(new Altcha.ChallengeOptions().setAlgorithm(Altcha.Algorithm.SHA256)
					.setMaxNumber(MAX_NUMBER)
					.setSecureRandomNumber(true)
					.setHmacKey(key())
					.setExpires(expires)
					.addParam(kind, id.toString()));
			return new ChallengeView(challenge.algorithm, challenge.challenge, challenge.maxnumber, challenge.salt,
					challenge.signature);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create an ALTCHA challenge", ex);
		}
	}

	/**
	 * Checks a solved challenge (base64 of the ALTCHA payload JSON) for the object and
	 * spends it: null when accepted, else why not (forged, for another object, expired or
	 * already used).
	 */
	public Refusal spend(String payload, String kind, UUID id) {
		JsonNode solution = decode(payload);
		if (solution == null) {
			return new Refusal("malformed", "The payload is not a base64 ALTCHA solution.");
		}
		Map<String, String> params = params(solution.path("salt").asString(""));
		if (!id.toString().equals(params.get(kind))) {
			return new Refusal("other_" + kind, "This solution belongs to another " + kind.replace('_', ' ') + ".");
		}
		long expires = parseLong(params.get("expires"));
		if (expires <= clock.instant().getEpochSecond()) {
			return new Refusal("expired", "This challenge expired.");
		}
		if (!verified(payload)) {
			return new Refusal("invalid", "This solution is wrong.");
		}
		jdbc.sql("DELETE FROM captcha_spent WHERE expires_at < ?").param(clock.instant().getEpochSecond()).update();
		String spent = SecureTokens.hash(solution.path("signature").asString(""));
		boolean first = jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO captcha_spent (signature_hash, expires_at) VALUES (?, ?)",
					"signature_hash"))
			.params(spent, expires)
			.update() == 1;
		return first ? null : new Refusal("replayed", "This solution was used already.");
	}

	private boolean verified(String payload) {
		try {
			// Expiry is checked above against the server's clock.
			return Altcha.verifySolution(payload, key(), false);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private String key() {
		return HexFormat.of().formatHex(secrets.secret("altcha-hmac"));
	}

	private static JsonNode decode(String payload) {
		if (payload == null || payload.length() > 4096) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8));
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Map<String, String> params(String salt) {
		try {
			return Altcha.extractParams(salt);
		}
		catch (Exception ex) {
			return Map.of();
		}
	}

	private static long parseLong(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Why a solution was refused: {@code reason} for the audit log, {@code detail} for
	 * the visitor.
	 */
	public record Refusal(String reason, String detail) {
	}

}
