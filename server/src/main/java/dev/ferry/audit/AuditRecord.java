package dev.ferry.audit;

/** One stored audit row, as the API shows it. {@code details} is a JSON object text. */
public record AuditRecord(long seq, String id, long occurredAt, String actorType, String actorId, String actorLabel,
		String action, String objectType, String objectId, String outcome, String ip, String userAgent,
		String requestId, String details, String prevHash, String hash) {

	AuditRecord withHashes(String prev, String own) {
		return new AuditRecord(seq, id, occurredAt, actorType, actorId, actorLabel, action, objectType, objectId,
				outcome, ip, userAgent, requestId, details, prev, own);
	}

}
