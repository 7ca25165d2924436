package dev.ferry.auth.oidc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.User;
import dev.ferry.auth.session.ProviderSignOut;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.TokenResponse;
import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;
import dev.ferry.crypto.SecureTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE (S256), state and nonce.
 * What the flow must remember lives in the database under the hash of its state (nonce
 * and verifier sealed), so any node can finish a sign-in another started; the state is
 * also set as a cookie, which ties the callback to the browser that began it. A finished
 * sign-in opens a browser session exactly like a password sign-in; the provider, not
 * Ferry, is then in charge of second factors.
 */
@Service
class OidcService implements ProviderSignOut {

	private static final Duration FLOW_TTL = Duration.ofMinutes(10);

	private static final int HTTP_TIMEOUT_MS = 10_000;

	private static final String LOGIN_CONTEXT = "oidc-login:";

	private static final String SESSION_CONTEXT = "sso-session:";

	private final OidcProviders providers;

	private final OidcRepository repository;

	private final SsoAccounts accounts;

	private final SessionService sessions;

	private final SealedColumn loginSecrets;

	private final SealedColumn idTokens;

	private final PublicUrl publicUrl;

	private final AuditLog audit;

	private final Clock clock;

	OidcService(OidcProviders providers, OidcRepository repository, SsoAccounts accounts, SessionService sessions,
			KeyEncryptionKey kek, JdbcClient jdbc, PublicUrl publicUrl, AuditLog audit, Clock clock) {
		this.providers = providers;
		this.repository = repository;
		this.accounts = accounts;
		this.sessions = sessions;
		this.loginSecrets = SealedTable.register(kek, jdbc, "oidc_logins", "state_hash", "sealed_secrets",
				LOGIN_CONTEXT);
		this.idTokens = SealedTable.register(kek, jdbc, "sso_sessions", "session_id", "sealed_id_token",
				SESSION_CONTEXT);
		this.publicUrl = publicUrl;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Starts a sign-in: answers the state (for the cookie) and where to send the browser.
	 */
	@Transactional
	Start start(String providerId) {
		OidcProperties.Provider provider = provider(providerId);
		OidcProviders.Discovered discovered = providers.discover(provider);
		State state = new State();
		Nonce nonce = new Nonce();
		CodeVerifier verifier = new CodeVerifier();
		Instant now = clock.instant();
		String stateHash = SecureTokens.hash(state.getValue());
		byte[] secrets = (nonce.getValue() + "\n" + verifier.getValue()).getBytes(StandardCharsets.UTF_8);
		repository.startLogin(stateHash, provider.id(), loginSecrets.seal(secrets, context(stateHash)), now,
				now.plus(FLOW_TTL));
		URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE,
				new Scope(provider.scopes().toArray(String[]::new)), new ClientID(provider.clientId()),
				redirectUri(provider))
			.endpointURI(discovered.metadata().getAuthorizationEndpointURI())
			.state(state)
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build()
			.toURI();
		audit.record(AuditEvent.success("auth.sso_start").detail("provider", provider.id()));
		return new Start(state.getValue(), authorization, FLOW_TTL);
	}

	/**
	 * Finishes a sign-in from the provider's redirect; {@code browserState} is the state
	 * cookie. Throws {@link OidcFailure} (audited) when anything does not check out.
	 */
	@Transactional(noRollbackFor = OidcFailure.class)
	TokenResponse finish(String providerId, String code, String state, String error, String browserState,
			ClientInfo client) {
		OidcProperties.Provider provider = provider(providerId);
		try {
			return signIn(provider, code, state, error, browserState, client);
		}
		catch (OidcFailure failure) {
			audit.record(AuditEvent.failure("auth.sso_login")
				.detail("provider", provider.id())
				.detail("reason", failure.reason()));
			throw failure;
		}
	}

	/**
	 * Where to send the browser to sign out at the provider too (RP-initiated logout), if
	 * the session came from one that supports it.
	 */
	@Override
	public Optional<String> logoutUrl(UUID sessionId) {
		return repository.findSession(sessionId).flatMap((sso) -> providers.find(sso.provider()).map((provider) -> {
			URI endSession = providers.discover(provider).metadata().getEndSessionEndpointURI();
			if (endSession == null) {
				return null;
			}
			try {
				JWT idToken = JWTParser.parse(new String(
						idTokens.open(sso.sealedIdToken(), SESSION_CONTEXT + sessionId), StandardCharsets.UTF_8));
				return new LogoutRequest(endSession, idToken, null, new ClientID(provider.clientId()),
						URI.create(publicUrl.resolve("/")), null, null)
					.toURI()
					.toString();
			}
			catch (ParseException ex) {
				return null;
			}
		}));
	}

	private TokenResponse signIn(OidcProperties.Provider provider, String code, String state, String error,
			String browserState, ClientInfo client) {
		if (state == null || !SecureTokens.constantTimeEquals(state, browserState)) {
			throw new OidcFailure("state_mismatch", "The state is missing or not this browser's");
		}
		String stateHash = SecureTokens.hash(state);
		byte[] sealed = repository.takeLogin(stateHash, provider.id(), clock.instant())
			.orElseThrow(() -> new OidcFailure("unknown_state", "Unknown, used or expired state"));
		if (error != null || code == null) {
			throw new OidcFailure("provider_refused", "The provider answered " + error);
		}
		String[] secrets = new String(loginSecrets.open(sealed, context(stateHash)), StandardCharsets.UTF_8).split("\n",
				2);
		OidcProviders.Discovered discovered = providers.discover(provider);
		JWT idToken = exchange(provider, discovered, code, new CodeVerifier(secrets[1]));
		IDTokenClaimsSet claims = validate(discovered, idToken, new Nonce(secrets[0]));
		User user = accounts.resolve(provider, claims);
		if (!user.isActive()) {
			throw new OidcFailure("suspended", "The account is suspended");
		}
		SessionService.Opened opened = sessions.start(user, client, true, null, "oidc:" + provider.id());
		repository.saveSession(opened.sessionId(), provider.id(), idTokens
			.seal(idToken.getParsedString().getBytes(StandardCharsets.UTF_8), SESSION_CONTEXT + opened.sessionId()));
		return opened.tokens();
	}

	private JWT exchange(OidcProperties.Provider provider, OidcProviders.Discovered discovered, String code,
			CodeVerifier verifier) {
		try {
			HTTPRequest request = new TokenRequest(discovered.metadata().getTokenEndpointURI(),
					new ClientSecretBasic(new ClientID(provider.clientId()), new Secret(provider.clientSecret())),
					new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri(provider), verifier))
				.toHTTPRequest();
			request.setConnectTimeout(HTTP_TIMEOUT_MS);
			request.setReadTimeout(HTTP_TIMEOUT_MS);
			com.nimbusds.oauth2.sdk.TokenResponse response = OIDCTokenResponseParser.parse(request.send());
			if (!response.indicatesSuccess()) {
				throw new OidcFailure("token_refused",
						"Token endpoint refused: " + response.toErrorResponse().getErrorObject().getCode());
			}
			JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
			if (idToken == null) {
				throw new OidcFailure("no_id_token", "The token response has no ID token");
			}
			return idToken;
		}
		catch (IOException | com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new OidcFailure("token_failed", "Token request failed", ex);
		}
	}

	/**
	 * Signature, issuer, audience, nonce and times; the expiry is checked against Ferry's
	 * clock as well, which is what every other expiry decision reads.
	 */
	private IDTokenClaimsSet validate(OidcProviders.Discovered discovered, JWT idToken, Nonce nonce) {
		IDTokenClaimsSet claims;
		try {
			claims = discovered.validator().validate(idToken, nonce);
		}
		catch (BadJOSEException | JOSEException ex) {
			throw new OidcFailure("invalid_id_token", "ID token refused: " + ex.getMessage(), ex);
		}
		if (!claims.getExpirationTime().toInstant().plus(OidcProviders.CLOCK_SKEW).isAfter(clock.instant())) {
			throw new OidcFailure("invalid_id_token", "ID token expired");
		}
		return claims;
	}

	private OidcProperties.Provider provider(String id) {
		return providers.find(id).orElseThrow(() -> AuthException.notFound("sign-in provider"));
	}

	private URI redirectUri(OidcProperties.Provider provider) {
		return URI.create(publicUrl.resolve("/api/v1/auth/login/oidc/" + provider.id() + "/callback"));
	}

	private static String context(String stateHash) {
		return LOGIN_CONTEXT + stateHash;
	}

	/** A started sign-in: the state for the cookie and the provider's address. */
	record Start(String state, URI authorization, Duration ttl) {
	}

}
