package dev.ferry.scim;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.ApiKeyCredentials;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /scim/v2} request itself (the security chain leaves these
 * paths alone so its problem+json 401 does not answer a SCIM client): an API key with the
 * {@code scim} scope, and nothing else, not even an admin's session. The caller then
 * stands in the security context so the audit trail names the key. A missing or refused
 * key is a SCIM 401, a key without the scope or used from an address its owner's network
 * rules refuse a 403, all audited.
 */
@Component
class ScimAccess implements HandlerInterceptor {

	private static final String BEARER = "Bearer ";

	private final ApiKeyCredentials keys;

	private final ScimRepository status;

	private final AuditLog audit;

	private final Clock clock;

	private final AccessPolicy policy;

	private final AccountNetworkRules networks;

	ScimAccess(ApiKeyCredentials keys, ScimRepository status, AuditLog audit, Clock clock, AccessPolicy policy,
			AccountNetworkRules networks) {
		this.networks = networks;
		this.keys = keys;
		this.policy = policy;
		this.status = status;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ferry\"");
			throw refused(HttpStatus.UNAUTHORIZED, "missing_key",
					"Send 'Authorization: Bearer <API key with the scim scope>'.");
		}
		CurrentUser caller = keys.authenticate(header.substring(BEARER.length()).strip()).orElse(null);
		if (caller == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ferry\", error=\"invalid_token\"");
			throw refused(HttpStatus.UNAUTHORIZED, "invalid_key", "The API key is invalid, expired or revoked.");
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(caller, null,
				List.of(new SimpleGrantedAuthority("SCOPE_" + Scope.SCIM.name()))));
		SecurityContextHolder.setContext(context);
		try {
			policy.requireScope(caller, Scope.SCIM, "scim.access");
		}
		catch (AuthException ex) {
			throw new ScimException(HttpStatus.FORBIDDEN, null, "This API key lacks the 'scim' scope.");
		}
		// The key's owner's network rules hold here as for every API request (this path
		// is outside the chain that checks them there); the refusal is audited.
		AccountNetworkRules.Refusal refusal = networks.refusal(caller.userId(), request.getRemoteAddr(), "scim.access")
			.orElse(null);
		if (refusal != null) {
			throw new ScimException(HttpStatus.FORBIDDEN, null, refusal.detail());
		}
		status.touch(clock.instant());
		return true;
	}

	private ScimException refused(HttpStatus httpStatus, String reason, String detail) {
		audit.record(AuditEvent.denied("scim.access").detail("reason", reason));
		return new ScimException(httpStatus, null, detail);
	}

}
