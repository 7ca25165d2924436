package dev.ferry.audit;

/**
 * Who may search, verify and export the trail, and read one's own. The audit module sits
 * below the module that knows accounts and roles, so that module implements this check; a
 * refusal throws Spring Security's {@code AccessDeniedException}.
 */
public interface TrailAccess {

	void requireAdmin(AuditActor.Source caller);

	/**
	 * The caller's own trail: an interactive session may read it, an API key or app token
	 * only with the {@code read} scope (refused with 403 and audited otherwise).
	 */
	void requireOwnTrail(AuditActor.Source caller);

}
