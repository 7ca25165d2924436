package dev.ferry.auth.saml;

import java.net.URI;
import java.util.Base64;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;
import dev.ferry.auth.oidc.OidcFailure;
import dev.ferry.auth.oidc.SsoAccounts;
import dev.ferry.auth.session.SessionService;
import dev.ferry.auth.session.TokenResponse;
import dev.ferry.crypto.SecureTokens;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SAML 2.0 sign-in, SP-initiated: a redirect to the identity provider with an
 * {@code AuthnRequest}, and the signed response posted back to the assertion consumer
 * URL. The RelayState is also set as a cookie, which ties the response to the browser
 * that began. IdP-initiated responses (no {@code InResponseTo}) are taken only from a
 * provider configured to send them. A finished sign-in opens a browser session exactly
 * like an OpenID Connect one, through the same account rules.
 */
@Service
class SamlService {

	/** A posted response larger than this is no sign-in (Keycloak's are a few KB). */
	private static final int RESPONSE_LIMIT = 256 * 1024;

	private final SamlProviders providers;

	private final SamlFlows flows;

	private final ResponseReader reader;

	private final SsoAccounts accounts;

	private final SessionService sessions;

	private final SpEndpoints endpoints;

	private final AuditLog audit;

	SamlService(SamlProviders providers, SamlFlows flows, ResponseReader reader, SsoAccounts accounts,
			SessionService sessions, SpEndpoints endpoints, AuditLog audit) {
		this.providers = providers;
		this.flows = flows;
		this.reader = reader;
		this.accounts = accounts;
		this.sessions = sessions;
		this.endpoints = endpoints;
		this.audit = audit;
	}

	/** Ferry's service provider metadata for this provider. */
	String metadata(String providerId) {
		return endpoints.metadata(provider(providerId));
	}

	/**
	 * Starts a sign-in: answers the RelayState (for the cookie) and where to send the
	 * browser. Throws {@link SamlFailure} (audited, shown in the provider's status) when
	 * the provider's metadata cannot be read.
	 */
	@Transactional(noRollbackFor = SamlFailure.class)
	Start start(String providerId) {
		SamlProperties.Provider provider = provider(providerId);
		IdpMetadata idp;
		try {
			idp = providers.metadata(provider);
		}
		catch (SamlFailure failure) {
			providers.status(provider.id()).failed(failure.reason());
			audit.record(AuditEvent.failure("auth.sso_start")
				.detail("provider", provider.source())
				.detail("reason", failure.reason()));
			throw failure;
		}
		SamlFlows.Begun begun = flows.begin(provider.id());
		String redirect = SamlMessages.signInRedirect(idp.signInUrl(), begun.requestId(), entityId(provider),
				consumerUrl(provider), begun.relayState(), begun.at(), endpoints.signingKey(provider));
		audit.record(AuditEvent.success("auth.sso_start").detail("provider", provider.source()));
		return new Start(begun.relayState(), URI.create(redirect));
	}

	/**
	 * Finishes a sign-in from the posted response; {@code browserRelay} is the RelayState
	 * cookie. Throws {@link SamlFailure} (audited) when anything does not check out.
	 */
	@Transactional(noRollbackFor = { SamlFailure.class, AuthException.class })
	TokenResponse finish(String providerId, String samlResponse, String relayState, String browserRelay,
			ClientInfo client) {
		SamlProperties.Provider provider = provider(providerId);
		try {
			return signIn(provider, samlResponse, relayState, browserRelay, client);
		}
		catch (SamlFailure failure) {
			providers.status(provider.id()).failed(failure.reason());
			audit.record(AuditEvent.failure("auth.sso_login")
				.detail("provider", provider.source())
				.detail("reason", failure.reason()));
			throw failure;
		}
	}

	private TokenResponse signIn(SamlProperties.Provider provider, String samlResponse, String relayState,
			String browserRelay, ClientInfo client) {
		SamlAssertion assertion = reader.read(decode(samlResponse), provider, providers.metadata(provider),
				entityId(provider), consumerUrl(provider));
		if (!flows.firstUse(provider.id(), assertion)) {
			throw new SamlFailure("replayed", "The assertion was used before");
		}
		if (assertion.inResponseTo() == null) {
			if (!provider.idpInitiated()) {
				throw new SamlFailure("unsolicited", "Sign-ins started at the identity provider are off");
			}
		}
		else {
			answersThisBrowser(provider, assertion, relayState, browserRelay);
		}
		User user = account(provider, assertion);
		if (!user.isActive()) {
			throw new SamlFailure("suspended", "The account is suspended");
		}
		SessionService.Opened opened = sessions.start(user, client, true, null, provider.source());
		flows.remember(opened.sessionId(), provider.id(), assertion);
		providers.status(provider.id()).succeeded();
		return opened.tokens();
	}

	/**
	 * An answer to Ferry's request must come back to the browser that sent it (the
	 * RelayState cookie) and answer the request stored under that RelayState.
	 */
	private void answersThisBrowser(SamlProperties.Provider provider, SamlAssertion assertion, String relayState,
			String browserRelay) {
		if (relayState == null || !SecureTokens.constantTimeEquals(relayState, browserRelay)) {
			throw new SamlFailure("state_mismatch", "The RelayState is missing or not this browser's");
		}
		String requestId = flows.take(provider.id(), relayState)
			.orElseThrow(() -> new SamlFailure("unknown_request", "Unknown, used or expired request"));
		if (!requestId.equals(assertion.inResponseTo())) {
			throw new SamlFailure("unknown_request", "The assertion answers another request");
		}
	}

	private User account(SamlProperties.Provider provider, SamlAssertion assertion) {
		// The identity provider signed the email attribute, which is all SAML says of it.
		SsoAccounts.Identity identity = new SsoAccounts.Identity(assertion.subject(),
				assertion.first(provider.emailAttribute()), true, assertion.first(provider.nameAttribute()));
		try {
			return accounts.resolve(provider.rules(), identity, assertion.attributes());
		}
		catch (OidcFailure failure) {
			throw new SamlFailure(failure.reason(), failure.getMessage(), failure);
		}
	}

	private static byte[] decode(String samlResponse) {
		if (samlResponse == null || samlResponse.length() > RESPONSE_LIMIT) {
			throw new SamlFailure("malformed", "No SAMLResponse, or one too large");
		}
		try {
			return Base64.getMimeDecoder().decode(samlResponse);
		}
		catch (IllegalArgumentException ex) {
			throw new SamlFailure("malformed", "The SAMLResponse is not base64", ex);
		}
	}

	private SamlProperties.Provider provider(String id) {
		return providers.find(id).orElseThrow(() -> AuthException.notFound("sign-in provider"));
	}

	private String entityId(SamlProperties.Provider provider) {
		return endpoints.entityId(provider);
	}

	private String consumerUrl(SamlProperties.Provider provider) {
		return endpoints.consumerUrl(provider);
	}

	/** A started sign-in: the RelayState for the cookie and the provider's address. */
	record Start(String relayState, URI redirect) {
	}

}
