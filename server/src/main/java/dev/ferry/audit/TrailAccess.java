package dev.ferry.audit;

/**
 * Who may search, verify and export the trail. The audit module sits below the module
 * that knows accounts and roles, so that module implements this check; a refusal throws
 * Spring Security's {@code AccessDeniedException}.
 */
public interface TrailAccess {

	void requireAdmin(AuditActor.Source caller);

}
