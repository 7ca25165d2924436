package dev.ferry.auth.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.crypto.SecureTokens;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's side of the flow: the consent screen's question, the answer (a one-time code
 * for the app, or {@code access_denied}), and the list of apps the user has authorized,
 * each revocable. Only an interactive sign-in may answer or revoke, so an app can never
 * approve itself with a token.
 */
@Service
class OAuthConsentService {

	static final String CODE_PREFIX = "fyac_";

	/**
	 * RFC 6749 4.1.2 advises at most ten minutes; the app exchanges it within seconds.
	 */
	static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

	private final OAuthAppRepository apps;

	private final AppGrantRepository grants;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	OAuthConsentService(OAuthAppRepository apps, AppGrantRepository grants, AccessPolicy access, AuditLog audit,
			Clock clock) {
		this.apps = apps;
		this.grants = grants;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the consent screen shows; the scopes are those the user's role allows. */
	@Transactional(readOnly = true)
	ConsentQuestion describe(CurrentUser caller, Map<String, List<String>> params) {
		AuthorizationRequest request = check(params);
		Set<Scope> scopes = allowed(caller, request);
		return new ConsentQuestion(request.app().id().toString(), request.app().name(), Scope.apiNames(scopes),
				Scope.apiNames(request.scopes()), request.redirectUri());
	}

	@Transactional(noRollbackFor = AuthException.class)
	ConsentAnswer decide(CurrentUser caller, Map<String, List<String>> params, boolean approve) {
		access.requireInteractive(caller, "oauth.consent", "authorize apps");
		AuthorizationRequest request = check(params);
		Map<String, String> answer = new LinkedHashMap<>();
		if (!approve) {
			audit.record(AuditEvent.success("oauth.consent_deny").object("oauth_app", request.app().id()));
			answer.put("error", "access_denied");
			answer.put("error_description", "The user denied the request.");
			answer.put("state", request.state());
			return new ConsentAnswer(AuthorizationRequest.redirect(request.redirectUri(), answer));
		}
		Set<Scope> scopes = allowed(caller, request);
		if (scopes.isEmpty()) {
			audit.record(AuditEvent.denied("oauth.consent_grant")
				.object("oauth_app", request.app().id())
				.detail("reason", "scope_not_allowed"));
			throw AuthException.forbidden("Your role allows none of the scopes this app asks for.");
		}
		Instant now = clock.instant();
		UUID grantId = grants.grant(request.app().id(), caller.userId(), scopes, now);
		String code = SecureTokens.generate(CODE_PREFIX);
		grants.insertToken(SecureTokens.hash(code), grantId, AppGrantRepository.Kind.CODE, scopes,
				request.redirectUri(), request.codeChallenge(), now, now.plus(CODE_LIFETIME));
		audit.record(AuditEvent.success("oauth.consent_grant")
			.object("oauth_app", request.app().id())
			.detail("grant", grantId.toString())
			.detail("scopes", Scope.apiNames(scopes)));
		answer.put("code", code);
		answer.put("state", request.state());
		return new ConsentAnswer(AuthorizationRequest.redirect(request.redirectUri(), answer));
	}

	@Transactional(noRollbackFor = AuthException.class)
	List<AuthorizedApp> authorized(CurrentUser caller) {
		access.requireOwnRead(caller, "oauth.authorization_list");
		audit.record(AuditEvent.success("oauth.authorization_list"));
		return grants.listForUser(caller.userId()).stream().map(AuthorizedApp::of).toList();
	}

	/**
	 * Revokes a grant; its tokens stop at once, they are checked against it on every use.
	 */
	@Transactional(noRollbackFor = AuthException.class)
	void revoke(CurrentUser caller, UUID grantId) {
		access.requireInteractive(caller, "oauth.authorization_revoke", "revoke app access");
		Instant now = clock.instant();
		if (!grants.revokeGrant(caller.userId(), grantId, now)) {
			audit.record(AuditEvent.failure("oauth.authorization_revoke")
				.object("oauth_grant", grantId)
				.detail("reason", "not_found"));
			throw AuthException.notFound("authorized app");
		}
		grants.revokeTokens(grantId, now);
		audit.record(AuditEvent.success("oauth.authorization_revoke").object("oauth_grant", grantId));
	}

	private AuthorizationRequest check(Map<String, List<String>> params) {
		try {
			return AuthorizationRequest.check(params, apps);
		}
		catch (AuthorizationRequest.Unredirectable | AuthorizationRequest.Redirected ex) {
			throw new AuthException(HttpStatus.BAD_REQUEST, "oauth-invalid-request", "Invalid authorization request",
					ex.getMessage());
		}
	}

	private static Set<Scope> allowed(CurrentUser caller, AuthorizationRequest request) {
		Set<Scope> scopes = EnumSet.copyOf(request.scopes());
		// The caller's own scopes, not its role's: a session narrowed by a device sign-in
		// must not grant an app more than it holds.
		scopes.retainAll(caller.scopes());
		return scopes;
	}

	/**
	 * @param scopes what approving grants (the request narrowed to the user's role)
	 * @param requestedScopes what the app asked for
	 */
	record ConsentQuestion(String appId, String appName, List<String> scopes, List<String> requestedScopes,
			String redirectUri) {
	}

	/** Where the browser goes next: the app's redirect URI with a code or an error. */
	record ConsentAnswer(String redirectTo) {
	}

	record AuthorizedApp(String id, String appId, String appName, List<String> scopes, Instant createdAt,
			@JsonInclude(JsonInclude.Include.ALWAYS) Instant lastUsedAt) {

		static AuthorizedApp of(AppGrantRepository.Grant grant) {
			return new AuthorizedApp(grant.id().toString(), grant.appId().toString(), grant.appName(),
					Scope.apiNames(grant.scopes()), grant.createdAt(), grant.lastUsedAt());
		}

	}

}
