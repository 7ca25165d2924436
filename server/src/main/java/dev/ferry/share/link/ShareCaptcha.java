package dev.ferry.share.link;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import dev.ferry.SqlDialect;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.crypto.SecureTokens;
import dev.ferry.crypto.ServerSecrets;
import dev.ferry.share.ShareException;
import org.altcha.altcha.Altcha;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ALTCHA proof of work of links with {@code captcha}: a challenge (SHA-256 of a
 * random salt and a secret number below {@link #MAX_NUMBER}, signed with an HMAC key only
 * the server knows, bound to the link and valid {@link #LIFETIME}) and the check of its
 * solution, which opens a share session. A solved challenge is recorded until it expires,
 * so a payload works once.
 */
@Service
class ShareCaptcha {

	static final long MAX_NUMBER = 100_000;

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PublicShares shares;

	private final LinkUnlock unlock;

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	private final ServerSecrets secrets;

	private final AuditLog audit;

	private final Clock clock;

	ShareCaptcha(PublicShares shares, LinkUnlock unlock, JdbcClient jdbc, SqlDialect dialect, ServerSecrets secrets,
			AuditLog audit, Clock clock) {
		this.shares = shares;
		this.unlock = unlock;
		this.jdbc = jdbc;
		this.dialect = dialect;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new challenge for the link behind {@code token}. */
	Altcha.Challenge challenge(String token) {
		ShareLink link = captchaLink(token, "share.captcha_challenge");
		long expires = clock.instant().plus(LIFETIME).getEpochSecond();
		try {
			Altcha.Challenge challenge = Altcha
				.createChallenge(new Altcha.ChallengeOptions().setAlgorithm(Altcha.Algorithm.SHA256)
					.setMaxNumber(MAX_NUMBER)
					.setSecureRandomNumber(true)
					.setHmacKey(key())
					.setExpires(expires)
					.addParam("link", link.id().toString()));
			audit.record(AuditEvent.success("share.captcha_challenge").object("share_link", link.id()));
			return challenge;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not create an ALTCHA challenge", ex);
		}
	}

	/**
	 * Checks a solved challenge (base64 of the ALTCHA payload JSON) for the link and
	 * opens a share session; refused (403, audited) when forged, for another link,
	 * expired or already used.
	 */
	ShareSessions.Issued solve(String token, String payload) {
		ShareLink link = captchaLink(token, "share.captcha");
		JsonNode solution = decode(payload);
		if (solution == null) {
			throw refuse(link, "malformed", "The payload is not a base64 ALTCHA solution.");
		}
		String salt = solution.path("salt").asString("");
		Map<String, String> params = params(salt);
		if (!link.id().toString().equals(params.get("link"))) {
			throw refuse(link, "other_link", "This solution belongs to another link.");
		}
		long expires = parseLong(params.get("expires"));
		if (expires <= clock.instant().getEpochSecond()) {
			throw refuse(link, "expired", "This challenge expired.");
		}
		if (!verified(payload)) {
			throw refuse(link, "invalid", "This solution is wrong.");
		}
		jdbc.sql("DELETE FROM captcha_spent WHERE expires_at < ?").param(clock.instant().getEpochSecond()).update();
		String spent = SecureTokens.hash(solution.path("signature").asString(""));
		boolean first = jdbc
			.sql(dialect.insertIfAbsent("INSERT INTO captcha_spent (signature_hash, expires_at) VALUES (?, ?)",
					"signature_hash"))
			.params(spent, expires)
			.update() == 1;
		if (!first) {
			throw refuse(link, "replayed", "This solution was used already.");
		}
		audit.record(AuditEvent.success("share.captcha").object("share_link", link.id()));
		return unlock.session(new LinkUnlock.Target(PublicShares.SUBJECT, "share_link", link.id()), null);
	}

	private ShareLink captchaLink(String token, String action) {
		ShareLink link = shares.visit(token, null, action).link();
		if (!link.captcha()) {
			audit.record(AuditEvent.failure(action).object("share_link", link.id()).detail("reason", "no_captcha"));
			throw ShareException.invalid("This link needs no CAPTCHA: open it with POST /unlock.");
		}
		return link;
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

	private ShareException refuse(ShareLink link, String reason, String detail) {
		audit.record(AuditEvent.failure("share.captcha").object("share_link", link.id()).detail("reason", reason));
		return ShareException.captchaRefused(detail);
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

}
