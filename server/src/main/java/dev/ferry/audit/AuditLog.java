package dev.ferry.audit;

/**
 * Writes one record to the tamper-evident audit trail. Call it for every access, success
 * or failure. It joins the caller's transaction, so a record is never lost for an action
 * that committed; actor, IP, user agent and request id are taken from the current request
 * when the event does not name them.
 */
public interface AuditLog {

	void record(AuditEvent event);

}
