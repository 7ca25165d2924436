package dev.ferry.audit;

/**
 * Who did something: {@code type} is {@code user}, {@code api_key}, {@code share},
 * {@code anonymous} or {@code system}; {@code id} the object id, {@code label} a readable
 * name (an email, a key name).
 */
public record AuditActor(String type, String id, String label) {

	public static AuditActor anonymous() {
		return new AuditActor("anonymous", null, null);
	}

	public static AuditActor system() {
		return new AuditActor("system", null, "ferry");
	}

	/** Implemented by security principals so the audit trail can name them. */
	public interface Source {

		AuditActor auditActor();

	}

}
