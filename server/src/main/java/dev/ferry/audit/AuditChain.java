package dev.ferry.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.ferry.crypto.ServerSecrets;

import org.springframework.stereotype.Component;

/**
 * Computes the chained hash of an audit record: HMAC-SHA256, keyed by a server secret,
 * over the record's fields and the previous record's hash. Keying the chain means someone
 * who can write to the database but cannot read the key-encryption keyset cannot forge a
 * valid suffix.
 */
@Component
class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final char SEPARATOR = '\u001f';

	private final ServerSecrets secrets;

	private volatile SecretKeySpec key;

	AuditChain(ServerSecrets secrets) {
		this.secrets = secrets;
	}

	String hash(AuditRecord record, String previousHash) {
		StringBuilder canonical = new StringBuilder();
		append(canonical, record.seq());
		append(canonical, record.id());
		append(canonical, record.occurredAt());
		append(canonical, record.actorType());
		append(canonical, record.actorId());
		append(canonical, record.actorLabel());
		append(canonical, record.action());
		append(canonical, record.objectType());
		append(canonical, record.objectId());
		append(canonical, record.outcome());
		append(canonical, record.ip());
		append(canonical, record.userAgent());
		append(canonical, record.requestId());
		append(canonical, record.details());
		canonical.append(previousHash);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private SecretKeySpec key() {
		if (key == null) {
			key = new SecretKeySpec(secrets.secret("audit-chain"), "HmacSHA256");
		}
		return key;
	}

	private static void append(StringBuilder canonical, Object value) {
		// Length-prefixing makes the encoding unambiguous whatever a field contains.
		String text = Objects.toString(value, "");
		canonical.append(text.length()).append(':').append(text).append(SEPARATOR);
	}

}
