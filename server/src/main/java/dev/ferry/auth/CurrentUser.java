package dev.ferry.auth;

import java.util.Set;
import java.util.UUID;

import dev.ferry.audit.AuditActor;

/**
 * The authenticated caller, as every service sees it. {@code sessionId} is set for token
 * (browser/CLI) sessions, {@code apiKeyId} for API keys, {@code appGrantId} for OAuth2
 * access tokens (the authorization a user gave a third-party app); {@code scopes} is what
 * this credential may do (never more than the role allows).
 */
public record CurrentUser(UUID userId, String email, String name, Role role, Set<Scope> scopes, UUID sessionId,
		UUID apiKeyId, UUID appGrantId) implements AuditActor.Source {

	public CurrentUser(UUID userId, String email, String name, Role role, Set<Scope> scopes, UUID sessionId,
			UUID apiKeyId) {
		this(userId, email, name, role, scopes, sessionId, apiKeyId, null);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN && scopes.contains(Scope.ADMIN);
	}

	public boolean has(Scope scope) {
		return scopes.contains(scope);
	}

	/**
	 * A session a device sign-in narrowed to some of the role's scopes. A session
	 * restricted to enrolling a second factor has no scopes at all and is not narrowed.
	 */
	public boolean narrowed() {
		return sessionId != null && !scopes.isEmpty() && !scopes.containsAll(role.scopes());
	}

	@Override
	public AuditActor auditActor() {
		// The actor id is always the user's, so filtering the trail by user also finds
		// what their API keys did; the key itself is named in the label.
		if (appGrantId != null) {
			return new AuditActor("oauth_app", userId.toString(), email + " (app grant " + appGrantId + ")");
		}
		return (apiKeyId != null) ? new AuditActor("api_key", userId.toString(), email + " (key " + apiKeyId + ")")
				: new AuditActor("user", userId.toString(), email);
	}

}
