package dev.ferry.audit;

/**
 * Erases a person from the audit trail without breaking its chain: the records they did
 * or that are about them keep a pseudonymised actor, which is the same in every record so
 * their history still reads as one person's.
 */
public interface AuditErasure {

	/**
	 * Replaces the account's id, email, addresses, user agents and the details of what it
	 * did with a pseudonym in every record from the commitment format on, and returns
	 * that pseudonym. Joins the caller's transaction.
	 */
	String pseudonymise(String userId, String email);

}
