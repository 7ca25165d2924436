package dev.ferry.auth;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.audit.TrailAccess;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a caller is an administrator or holds a scope. Every
 * module's service starts with one of these checks instead of reading the role or scopes
 * itself, so every refusal of a kind answers the same problem type ({@code forbidden})
 * and lands on the trail with the same reason: {@code not_admin},
 * {@code missing_admin_scope} (an admin's API key without the admin scope) or
 * {@code missing_<scope>_scope} (see docs/audit.md).
 */
@Component
public class AccessPolicy implements TrailAccess {

	private final AuditLog audit;

	AccessPolicy(AuditLog audit) {
		this.audit = audit;
	}

	/**
	 * Lets an administrator through; anyone else is refused with 403 and the refusal is
	 * audited as {@code action}, outcome denied.
	 */
	public void requireAdmin(CurrentUser caller, String action) {
		Refusal refusal = adminRefusal(caller);
		if (refusal != null) {
			audit.record(AuditEvent.denied(action).detail("reason", refusal.reason()));
			throw AuthException.forbidden(refusal.detail());
		}
	}

	/**
	 * Lets a caller whose credential holds {@code scope} through; anyone else is refused
	 * with 403 and the refusal is audited as {@code action}, outcome denied.
	 */
	public void requireScope(CurrentUser caller, Scope scope, String action) {
		if (caller == null || !caller.has(scope)) {
			audit.record(AuditEvent.denied(action).detail("reason", missingScope(scope)));
			throw AuthException.forbidden("Your credentials lack the '" + scope.apiName() + "' scope.");
		}
	}

	/**
	 * Reads of the caller's own account (their sessions, keys, passkeys, second factors,
	 * authorized apps): anyone signed in may see their own, a session restricted to
	 * setting up two-factor authentication too (it holds no scope); an API key or app
	 * token needs {@code read}, refused and audited like {@link #requireScope}.
	 */
	public void requireOwnRead(CurrentUser caller, String action) {
		if (caller == null || caller.sessionId() == null) {
			requireScope(caller, Scope.READ, action);
		}
	}

	/**
	 * Lets a caller signed in interactively (a password, passkey or single sign-on
	 * session) through; an API key or app token is refused with 403, audited as
	 * {@code action} with reason {@code not_interactive}: a leaked key must not manage
	 * the credentials that would let it outlive its revocation.
	 */
	public void requireInteractive(CurrentUser caller, String action, String what) {
		if (caller == null || caller.sessionId() == null) {
			audit.record(AuditEvent.denied(action).detail("reason", "not_interactive"));
			throw AuthException.interactiveSessionRequired(what);
		}
	}

	/**
	 * Like {@link #requireInteractive}, and a session a device sign-in narrowed to some
	 * of the role's scopes is refused too (reason {@code narrowed_session}): a passkey it
	 * registered would sign in with every scope, a second factor it enabled would lock
	 * the owner out, and erasing or signing out everywhere is no less than the owner's
	 * own word. A session restricted to enrolling a second factor passes.
	 */
	public void requireFullSession(CurrentUser caller, String action, String what) {
		requireInteractive(caller, action, what);
		if (caller.narrowed()) {
			audit.record(AuditEvent.denied(action).detail("reason", "narrowed_session"));
			throw AuthException.fullSessionRequired(what);
		}
	}

	/**
	 * The audit module's own reads sit below auth, so they ask through
	 * {@link TrailAccess}. The web layer's 403 handler records the refusal as
	 * {@code access.denied} with the request's path and this reason.
	 */
	@Override
	public void requireAdmin(AuditActor.Source caller) {
		Refusal refusal = adminRefusal((caller instanceof CurrentUser user) ? user : null);
		if (refusal != null) {
			throw new Denied(refusal.reason(), refusal.detail());
		}
	}

	@Override
	public void requireOwnTrail(AuditActor.Source caller) {
		requireOwnRead((caller instanceof CurrentUser user) ? user : null, "audit.activity");
	}

	private static Refusal adminRefusal(CurrentUser caller) {
		if (caller != null && caller.isAdmin()) {
			return null;
		}
		if (caller != null && caller.role() == Role.ADMIN) {
			return new Refusal(missingScope(Scope.ADMIN), "This API key lacks the 'admin' scope.");
		}
		return new Refusal("not_admin", "Only administrators may do this.");
	}

	private static String missingScope(Scope scope) {
		return "missing_" + scope.apiName() + "_scope";
	}

	private record Refusal(String reason, String detail) {
	}

	/**
	 * A refusal the web layer audits and answers itself, carrying the audit reason.
	 */
	public static final class Denied extends AccessDeniedException {

		private final String reason;

		Denied(String reason, String detail) {
			super(detail);
			this.reason = reason;
		}

		public String reason() {
			return this.reason;
		}

	}

}
