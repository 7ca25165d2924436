package dev.ferry.auth.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.session.ProviderSignOut;
import dev.ferry.auth.session.SessionService;
import dev.ferry.crypto.SecureTokens;
import org.w3c.dom.Element;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SAML single logout, both ways. Ferry's sign-out of a session that came from SAML sends
 * the browser to the identity provider with a signed {@code LogoutRequest} (redirect
 * binding) naming the provider session; the provider's {@code LogoutResponse} comes back
 * to the logout endpoint. A {@code LogoutRequest} the provider posts there (front or back
 * channel), signed with its metadata certificate, ends every Ferry session of that NameID
 * (of the named SessionIndex, when it names one). Audited as {@code auth.saml_logout}.
 */
@Service
class SamlLogout implements ProviderSignOut {

	/** A logout message larger than this is no logout message. */
	private static final int MESSAGE_LIMIT = 64 * 1024;

	private final SamlProviders providers;

	private final SamlSessions samlSessions;

	private final SpEndpoints endpoints;

	private final SessionService sessions;

	private final AuditLog audit;

	private final Clock clock;

	SamlLogout(SamlProviders providers, SamlSessions samlSessions, SpEndpoints endpoints, SessionService sessions,
			AuditLog audit, Clock clock) {
		this.providers = providers;
		this.samlSessions = samlSessions;
		this.endpoints = endpoints;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<String> logoutUrl(UUID sessionId) {
		Optional<SamlSessions.Row> row = samlSessions.find(sessionId);
		Optional<SamlProperties.Provider> provider = row.flatMap((found) -> providers.find(found.provider()));
		if (provider.isEmpty()) {
			return Optional.empty();
		}
		IdpMetadata idp;
		try {
			idp = providers.metadata(provider.get());
		}
		catch (SamlFailure failure) {
			audit.record(AuditEvent.failure("auth.saml_logout")
				.object("session", sessionId)
				.detail("provider", provider.get().source())
				.detail("reason", failure.reason()));
			return Optional.empty();
		}
		if (idp.logoutUrl() == null) {
			return Optional.empty();
		}
		audit.record(AuditEvent.success("auth.saml_logout")
			.object("session", sessionId)
			.detail("provider", provider.get().source())
			.detail("initiated_by", "ferry"));
		return Optional.of(SamlMessages.logoutRedirect(idp.logoutUrl(), "_" + SecureTokens.generate(""),
				endpoints.entityId(provider.get()), row.get(), clock.instant(), endpoints.signingKey(provider.get())));
	}

	/**
	 * The identity provider asks to end its user's sessions. Answers where to send a
	 * {@code browser} next (to the provider, with Ferry's signed response), or empty.
	 */
	@Transactional(noRollbackFor = SamlFailure.class)
	Optional<String> requested(String providerId, String samlRequest, boolean browser) {
		SamlProperties.Provider provider = provider(providerId);
		try {
			IdpMetadata idp = providers.metadata(provider);
			Element request = signedMessage(samlRequest, "LogoutRequest", provider, idp, true);
			Optional<Instant> until = ResponseReader.instant(request, "NotOnOrAfter");
			if (until.isPresent() && !clock.instant().minus(ResponseReader.CLOCK_SKEW).isBefore(until.get())) {
				throw new SamlFailure("expired", "The logout request expired at " + until.get());
			}
			String nameId = SamlXml.text(request, SamlXml.ASSERTION, "NameID")
				.filter((text) -> !text.isEmpty())
				.orElseThrow(() -> new SamlFailure("malformed", "The logout request names nobody"));
			List<String> indexes = SamlXml.children(request, SamlXml.PROTOCOL, "SessionIndex")
				.stream()
				.map((element) -> element.getTextContent().strip())
				.toList();
			long ended = samlSessions.matching(provider.id(), nameId, indexes)
				.stream()
				.filter((session) -> sessions.end(session, "provider_logout"))
				.count();
			audit.record(AuditEvent.success("auth.saml_logout")
				.detail("provider", provider.source())
				.detail("initiated_by", "provider")
				.detail("sessions", ended));
			if (!browser || idp.logoutUrl() == null) {
				return Optional.empty();
			}
			return Optional.of(SamlMessages.logoutResponseRedirect(idp.logoutUrl(), "_" + SecureTokens.generate(""),
					request.getAttributeNS(null, "ID"), endpoints.entityId(provider), clock.instant(),
					endpoints.signingKey(provider)));
		}
		catch (SamlFailure failure) {
			audit.record(AuditEvent.failure("auth.saml_logout")
				.detail("provider", provider.source())
				.detail("initiated_by", "provider")
				.detail("reason", failure.reason()));
			throw failure;
		}
	}

	/**
	 * The identity provider's answer to Ferry's logout request; the Ferry session ended
	 * before, so this only records whether the provider's ended too.
	 */
	@Transactional(noRollbackFor = SamlFailure.class)
	void answered(String providerId, String samlResponse) {
		SamlProperties.Provider provider = provider(providerId);
		try {
			Element response = signedMessage(samlResponse, "LogoutResponse", provider, providers.metadata(provider),
					false);
			SamlXml.requireSuccess(response);
			audit.record(AuditEvent.success("auth.saml_logout")
				.detail("provider", provider.source())
				.detail("initiated_by", "ferry")
				.detail("stage", "response"));
		}
		catch (SamlFailure failure) {
			audit.record(AuditEvent.failure("auth.saml_logout")
				.detail("provider", provider.source())
				.detail("initiated_by", "ferry")
				.detail("reason", failure.reason()));
			throw failure;
		}
	}

	/**
	 * The posted message, well-formed, of the expected kind, from the provider, for this
	 * endpoint, its signature verified when present and required when {@code mustSign}.
	 */
	private Element signedMessage(String base64, String kind, SamlProperties.Provider provider, IdpMetadata idp,
			boolean mustSign) {
		if (base64 == null || base64.length() > MESSAGE_LIMIT) {
			throw new SamlFailure("malformed", "No message, or one too large");
		}
		Element message;
		try {
			message = SamlXml.parse(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)))
				.getDocumentElement();
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new SamlFailure("malformed", "The message is not base64 of well-formed XML", ex);
		}
		if (!SamlXml.is(message, SamlXml.PROTOCOL, kind)) {
			throw new SamlFailure("malformed", "Not a " + kind);
		}
		if (SignatureCheck.signed(message)) {
			SignatureCheck.verify(message, idp.signingCertificates());
		}
		else if (mustSign) {
			throw new SamlFailure("unsigned", "The " + kind + " is not signed");
		}
		Optional<String> issuer = SamlXml.text(message, SamlXml.ASSERTION, "Issuer");
		if (issuer.isEmpty() || !issuer.get().equals(idp.entityId())) {
			throw new SamlFailure("wrong_issuer", "Issued by " + issuer.orElse("nobody"));
		}
		Optional<String> destination = SamlXml.attribute(message, "Destination");
		if (destination.isPresent() && !destination.get().equals(endpoints.logoutUrl(provider))) {
			throw new SamlFailure("wrong_recipient", "The message is for " + destination.get());
		}
		return message;
	}

	private SamlProperties.Provider provider(String id) {
		return providers.find(id).orElseThrow(() -> AuthException.notFound("sign-in provider"));
	}

}
