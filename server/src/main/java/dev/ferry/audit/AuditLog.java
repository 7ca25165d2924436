package dev.ferry.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Writes one record to the tamper-evident audit trail. Call it for every access, success
 * or failure. It joins the caller's transaction, so a record is never lost for an action
 * that committed; actor, IP, user agent and request id are taken from the current request
 * when the event does not name them.
 */
public interface AuditLog {

	/**
	 * Request attribute set once a {@link Outcome#DENIED} record for the current request
	 * is committed, so the generic 403 handler does not add a second record for the same
	 * refusal.
	 */
	String DENIAL_RECORDED = AuditLog.class.getName() + ".denialRecorded";

	void record(AuditEvent event);

	/** Whether a denial of this request already reached the trail. */
	static boolean denialRecorded(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(DENIAL_RECORDED));
	}

}
