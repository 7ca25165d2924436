package dev.ferry.auth.oidc;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.PublicUrl;
import dev.ferry.auth.User;
import dev.ferry.auth.session.ProviderSignOut;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.TokenResponse;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * OpenID Connect sign-in: the authorization code flow with PKCE (S256), state and nonce.
 * The state is also set as a cookie, which ties the callback to the browser that began
 * it. A finished sign-in opens a browser session exactly like a password sign-in; the
 * provider, not Ferry, is then in charge of second factors.
 */
@Service
class OidcService implements ProviderSignOut {

	private final OidcProviders providers;

	private final OidcFlows flows;

	private final TokenExchange tokens;

	private final SsoAccounts accounts;

	private final SessionService sessions;

	private final PublicUrl publicUrl;

	private final AuditLog audit;

	OidcService(OidcProviders providers, OidcFlows flows, TokenExchange tokens, SsoAccounts accounts,
			SessionService sessions, PublicUrl publicUrl, AuditLog audit) {
		this.providers = providers;
		this.flows = flows;
		this.tokens = tokens;
		this.accounts = accounts;
		this.sessions = sessions;
		this.publicUrl = publicUrl;
		this.audit = audit;
	}

	/**
	 * Starts a sign-in: answers the state (for the cookie) and where to send the browser.
	 * Throws {@link OidcFailure} (audited, shown in the provider's status) when the
	 * provider cannot be discovered.
	 */
	@Transactional(noRollbackFor = OidcFailure.class)
	Start start(String providerId) {
		OidcProperties.Provider provider = provider(providerId);
		OidcProviders.Discovered discovered;
		try {
			discovered = providers.discover(provider);
		}
		catch (OidcFailure failure) {
			providers.status(provider.id()).failed(failure.reason());
			audit.record(AuditEvent.failure("auth.sso_start")
				.detail("provider", provider.id())
				.detail("reason", failure.reason()));
			throw failure;
		}
		OidcFlows.Secrets secrets = flows.begin(provider.id());
		URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE,
				new Scope(provider.scopes().toArray(String[]::new)), new ClientID(provider.clientId()),
				redirectUri(provider))
			.endpointURI(discovered.metadata().getAuthorizationEndpointURI())
			.state(secrets.state())
			.nonce(secrets.nonce())
			.codeChallenge(secrets.verifier(), CodeChallengeMethod.S256)
			.build()
			.toURI();
		audit.record(AuditEvent.success("auth.sso_start").detail("provider", provider.id()));
		return new Start(secrets.state().getValue(), authorization, OidcFlows.FLOW_TTL);
	}

	/**
	 * Finishes a sign-in from the provider's redirect; {@code browserState} is the state
	 * cookie. Throws {@link OidcFailure} (audited) when anything does not check out.
	 */
	@Transactional(noRollbackFor = { OidcFailure.class, AuthException.class })
	TokenResponse finish(String providerId, String code, String state, String error, String browserState,
			ClientInfo client) {
		OidcProperties.Provider provider = provider(providerId);
		try {
			return signIn(provider, code, state, error, browserState, client);
		}
		catch (OidcFailure failure) {
			providers.status(provider.id()).failed(failure.reason());
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
		return flows.session(sessionId).flatMap((sso) -> providers.find(sso.provider()).flatMap((provider) -> {
			URI endSession;
			try {
				endSession = providers.discover(provider).metadata().getEndSessionEndpointURI();
			}
			catch (OidcFailure failure) {
				// The Ferry session has ended already; only the provider's
				// stays, which the user can end there.
				audit.record(AuditEvent.failure("auth.sso_logout")
					.object("session", sessionId)
					.detail("provider", provider.id())
					.detail("reason", failure.reason()));
				return Optional.empty();
			}
			return Optional.ofNullable(endSession)
				.map((uri) -> new LogoutRequest(uri, sso.idToken(), null, new ClientID(provider.clientId()),
						URI.create(publicUrl.resolve("/")), null, null)
					.toURI()
					.toString());
		}));
	}

	private TokenResponse signIn(OidcProperties.Provider provider, String code, String state, String error,
			String browserState, ClientInfo client) {
		if (state == null || !SecureTokens.constantTimeEquals(state, browserState)) {
			throw new OidcFailure("state_mismatch", "The state is missing or not this browser's");
		}
		OidcFlows.Secrets secrets = flows.take(provider.id(), state)
			.orElseThrow(() -> new OidcFailure("unknown_state", "Unknown, used or expired state"));
		if (error != null || code == null) {
			throw new OidcFailure("provider_refused", "The provider answered " + error);
		}
		TokenExchange.Tokens signed = tokens.redeem(provider, providers.discover(provider), code, secrets,
				redirectUri(provider));
		User user = accounts.resolve(provider, signed.idClaims(), signed.claims());
		if (!user.isActive()) {
			throw new OidcFailure("suspended", "The account is suspended");
		}
		SessionService.Opened opened = sessions.start(user, client, true, null, "oidc:" + provider.id());
		flows.remember(opened.sessionId(), provider.id(), signed.idToken());
		providers.status(provider.id()).succeeded();
		return opened.tokens();
	}

	private OidcProperties.Provider provider(String id) {
		return providers.find(id).orElseThrow(() -> AuthException.notFound("sign-in provider"));
	}

	private URI redirectUri(OidcProperties.Provider provider) {
		return URI.create(publicUrl.resolve("/api/v1/auth/login/oidc/" + provider.id() + "/callback"));
	}

	/** A started sign-in: the state for the cookie and the provider's address. */
	record Start(String state, URI authorization, Duration ttl) {
	}

}
