package dev.ferry.auth.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.Scope;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token endpoint's grants (authorization code with PKCE, refresh token with rotation)
 * and revocation (RFC 7009). Codes and refresh tokens are spent with a conditional
 * update, so each is used once even on a cluster; presenting a spent one again revokes
 * every token of its grant (RFC 6749 4.1.2, RFC 9700 refresh token replay).
 */
@Service
class OAuthTokenService {

	static final String ACCESS_PREFIX = "fyat_";

	static final String REFRESH_PREFIX = "fyrt_";

	static final Duration ACCESS_LIFETIME = Duration.ofHours(1);

	static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

	private final AppGrantRepository grants;

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	OAuthTokenService(AppGrantRepository grants, UserRepository users, AuditLog audit, Clock clock) {
		this.grants = grants;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(noRollbackFor = OAuthError.class)
	IssuedTokens exchangeCode(OAuthAppRepository.App app, String code, String redirectUri, String verifier) {
		if (code == null || verifier == null) {
			throw refused(app, "authorization_code", OAuthError.invalidRequest("Send code and code_verifier."));
		}
		Instant now = clock.instant();
		String hash = SecureTokens.hash(code);
		AppGrantRepository.Token found = grants.findToken(hash, AppGrantRepository.Kind.CODE)
			.filter((token) -> token.appId().equals(app.id()))
			.orElseThrow(() -> refused(app, "authorization_code", OAuthError
				.invalidGrant("The code is unknown, was issued to another app, or its grant was revoked.")));
		if (found.revokedAt() != null) {
			grants.revokeTokens(found.grantId(), now);
			throw refused(app, "authorization_code",
					OAuthError.invalidGrant("The code was already used; the tokens issued for it are revoked."));
		}
		if (!found.expiresAt().isAfter(now)) {
			throw refused(app, "authorization_code", OAuthError.invalidGrant("The code has expired."));
		}
		if (redirectUri != null && !redirectUri.equals(found.redirectUri())) {
			throw refused(app, "authorization_code",
					OAuthError.invalidGrant("The redirect_uri differs from the authorization request's."));
		}
		if (!SecureTokens.constantTimeEquals(challenge(verifier), found.codeChallenge())) {
			throw refused(app, "authorization_code",
					OAuthError.invalidGrant("The code_verifier does not match the code_challenge (PKCE)."));
		}
		if (!grants.spend(hash, now)) {
			throw refused(app, "authorization_code", OAuthError.invalidGrant("The code was already used."));
		}
		return issue(app, found, found.scopes(), "authorization_code", now);
	}

	@Transactional(noRollbackFor = OAuthError.class)
	IssuedTokens refresh(OAuthAppRepository.App app, String refreshToken, Set<Scope> narrowed) {
		if (refreshToken == null) {
			throw refused(app, "refresh_token", OAuthError.invalidRequest("Send refresh_token."));
		}
		Instant now = clock.instant();
		String hash = SecureTokens.hash(refreshToken);
		AppGrantRepository.Token found = grants.findToken(hash, AppGrantRepository.Kind.REFRESH)
			.filter((token) -> token.appId().equals(app.id()))
			.orElseThrow(() -> refused(app, "refresh_token", OAuthError
				.invalidGrant("The refresh token is unknown, was issued to another app, or its grant was revoked.")));
		if (found.revokedAt() != null) {
			grants.revokeTokens(found.grantId(), now);
			throw refused(app, "refresh_token", OAuthError
				.invalidGrant("The refresh token was already used; every token of this authorization is revoked."));
		}
		if (!found.expiresAt().isAfter(now)) {
			throw refused(app, "refresh_token", OAuthError.invalidGrant("The refresh token has expired."));
		}
		if (narrowed != null && !found.scopes().containsAll(narrowed)) {
			throw refused(app, "refresh_token",
					new OAuthError("invalid_scope", "A refresh may only narrow the scopes granted."));
		}
		if (!grants.spend(hash, now)) {
			throw refused(app, "refresh_token", OAuthError.invalidGrant("The refresh token was already used."));
		}
		return issue(app, found, (narrowed != null) ? narrowed : found.scopes(), "refresh_token", now);
	}

	/**
	 * RFC 7009: revokes a token of this app; a refresh token takes its grant's other
	 * tokens with it. Unknown tokens and other apps' tokens change nothing and answer the
	 * same.
	 */
	@Transactional
	void revoke(OAuthAppRepository.App app, String token) {
		Instant now = clock.instant();
		String hash = SecureTokens.hash(token);
		Optional<AppGrantRepository.Token> access = grants.findToken(hash, AppGrantRepository.Kind.ACCESS);
		Optional<AppGrantRepository.Token> refresh = grants.findToken(hash, AppGrantRepository.Kind.REFRESH);
		Optional<AppGrantRepository.Token> found = access.or(() -> refresh)
			.filter((candidate) -> candidate.appId().equals(app.id()));
		if (found.isEmpty()) {
			audit.record(AuditEvent.failure("oauth.token_revoke").by(actor(app)).detail("reason", "unknown_token"));
			return;
		}
		if (refresh.isPresent()) {
			grants.revokeTokens(found.get().grantId(), now);
		}
		else {
			grants.spend(hash, now);
		}
		audit.record(AuditEvent.success("oauth.token_revoke")
			.by(actor(app))
			.object("oauth_grant", found.get().grantId())
			.detail("token_type", refresh.isPresent() ? "refresh_token" : "access_token"));
	}

	private IssuedTokens issue(OAuthAppRepository.App app, AppGrantRepository.Token from, Set<Scope> requested,
			String grantType, Instant now) {
		User user = users.findById(from.userId())
			.filter(User::isActive)
			.orElseThrow(() -> refused(app, grantType, OAuthError.invalidGrant("The account is suspended.")));
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		scopes.addAll(requested);
		scopes.retainAll(user.role().scopes());
		String access = SecureTokens.generate(ACCESS_PREFIX);
		String refresh = SecureTokens.generate(REFRESH_PREFIX);
		grants.insertToken(SecureTokens.hash(access), from.grantId(), AppGrantRepository.Kind.ACCESS, scopes, null,
				null, now, now.plus(ACCESS_LIFETIME));
		grants.insertToken(SecureTokens.hash(refresh), from.grantId(), AppGrantRepository.Kind.REFRESH, scopes, null,
				null, now, now.plus(REFRESH_LIFETIME));
		audit.record(AuditEvent.success("oauth.token_issue")
			.by(actor(app))
			.object("oauth_grant", from.grantId())
			.detail("grant_type", grantType)
			.detail("user", user.id().toString())
			.detail("scopes", Scope.apiNames(scopes)));
		return new IssuedTokens(access, "Bearer", ACCESS_LIFETIME.toSeconds(), refresh,
				String.join(" ", Scope.apiNames(scopes)));
	}

	OAuthError refused(OAuthAppRepository.App app, String grantType, OAuthError error) {
		audit.record(AuditEvent.failure("oauth.token_refuse")
			.by((app != null) ? actor(app) : AuditActor.anonymous())
			.detail("grant_type", (grantType != null) ? grantType : "none")
			.detail("error", error.error())
			.detail("reason", error.getMessage()));
		return error;
	}

	static AuditActor actor(OAuthAppRepository.App app) {
		return new AuditActor("oauth_app", app.id().toString(), app.name());
	}

	/** BASE64URL(SHA-256(ASCII(code_verifier))), RFC 7636 4.6. */
	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 unavailable", ex);
		}
	}

	/**
	 * RFC 6749 5.1, with {@code scope} always present (it may differ from the request).
	 */
	record IssuedTokens(String accessToken, String tokenType, long expiresIn,
			@JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken, String scope) {
	}

}
