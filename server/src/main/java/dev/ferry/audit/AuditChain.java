package dev.ferry.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
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
 * <p>
 * From {@code audit_chain_format.commit_from} on, the personal fields enter the hash only
 * through a keyed commitment (an HMAC of field name and value). Erasing a person replaces
 * those values and keeps their commitments ({@link AuditRedactions}), so the chain still
 * verifies and everything else in the record stays covered.
 */
@Component
class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private static final char SEPARATOR = '\u001f';

	private final ServerSecrets secrets;

	private final AuditRepository repository;

	private volatile SecretKeySpec key;

	private volatile long commitFrom = -1;

	AuditChain(ServerSecrets secrets, AuditRepository repository) {
		this.secrets = secrets;
		this.repository = repository;
	}

	String hash(AuditRecord record, String previousHash) {
		return hash(record, previousHash, Map.of());
	}

	/**
	 * The record's hash; {@code redacted} holds the commitments of erased fields by
	 * column name, used instead of committing to what the row holds now.
	 */
	String hash(AuditRecord record, String previousHash, Map<String, String> redacted) {
		Fields fields = new Fields(record.seq() >= commitFrom(), redacted);
		fields.plain(record.seq());
		fields.plain(record.id());
		fields.plain(record.occurredAt());
		fields.plain(record.actorType());
		fields.personal("actor_id", record.actorId());
		fields.personal("actor_label", record.actorLabel());
		fields.plain(record.action());
		fields.plain(record.objectType());
		fields.personal("object_id", record.objectId());
		fields.plain(record.outcome());
		fields.personal("ip", record.ip());
		fields.personal("user_agent", record.userAgent());
		fields.plain(record.requestId());
		fields.personal("details", record.details());
		fields.canonical.append(previousHash);
		return mac(fields.canonical.toString());
	}

	/** The keyed commitment to one personal field's value. */
	String commitment(String field, String value) {
		return mac("commit" + SEPARATOR + field + SEPARATOR + Objects.toString(value, ""));
	}

	/** The signature of a pruning checkpoint: it can only come from the key holder. */
	String sign(AuditCheckpoints.Checkpoint checkpoint) {
		return mac("checkpoint" + SEPARATOR + checkpoint.signed());
	}

	/** The head's signature: its seq and hash under the chain's key. */
	String signHead(long seq, String hash) {
		return mac("head" + SEPARATOR + seq + SEPARATOR + hash);
	}

	/** A stable stand-in for an erased account's id: the same in every record. */
	String pseudonym(String userId) {
		return "erased-" + mac("pseudonym" + SEPARATOR + userId).substring(0, 24);
	}

	private long commitFrom() {
		if (commitFrom < 0) {
			commitFrom = repository.commitFrom();
		}
		return commitFrom;
	}

	private String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
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

	/** The canonical text being built, field by field. */
	private final class Fields {

		private final StringBuilder canonical = new StringBuilder();

		private final boolean committed;

		private final Map<String, String> redacted;

		private Fields(boolean committed, Map<String, String> redacted) {
			this.committed = committed;
			this.redacted = redacted;
		}

		private void plain(Object value) {
			// Length-prefixing makes the encoding unambiguous whatever a field contains.
			String text = Objects.toString(value, "");
			canonical.append(text.length()).append(':').append(text).append(SEPARATOR);
		}

		private void personal(String field, String value) {
			if (!committed) {
				plain(value);
				return;
			}
			String stored = redacted.get(field);
			plain((stored != null) ? stored : commitment(field, value));
		}

	}

}
