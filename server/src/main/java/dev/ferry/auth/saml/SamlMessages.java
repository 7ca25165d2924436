package dev.ferry.auth.saml;

import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The documents Ferry writes: the service provider's metadata, and the requests and
 * responses it sends by the HTTP-Redirect binding, signed with its key for the provider:
 * an {@code AuthnRequest}, a {@code LogoutRequest}, a {@code LogoutResponse}.
 */
final class SamlMessages {

	private SamlMessages() {
	}

	/**
	 * Ferry's metadata for one provider: who it is, that it signs its requests and wants
	 * signed assertions, its certificate (base64 DER) to check those signatures and to
	 * encrypt assertions to (with the algorithms Ferry decrypts), where assertions are
	 * posted and where logout messages go.
	 */
	static String metadata(String entityId, String consumerUrl, String logoutUrl, String certificate) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<md:EntityDescriptor xmlns:md="%1$s" xmlns:ds="%2$s" entityID="%3$s">
				  <md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" \
				protocolSupportEnumeration="%4$s">
				    <md:KeyDescriptor use="signing">
				      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>%5$s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
				    </md:KeyDescriptor>
				    <md:KeyDescriptor use="encryption">
				      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>%5$s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes128-gcm"/>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep"/>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>
				    </md:KeyDescriptor>
				    <md:SingleLogoutService Binding="%6$s" Location="%7$s"/>
				    <md:SingleLogoutService Binding="%8$s" Location="%7$s"/>
				    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
				    <md:AssertionConsumerService Binding="%8$s" Location="%9$s" index="0" isDefault="true"/>
				  </md:SPSSODescriptor>
				</md:EntityDescriptor>
				""".formatted(SamlXml.METADATA, SamlXml.SIGNATURE, SamlXml.escape(entityId), SamlXml.PROTOCOL,
				certificate, SamlXml.REDIRECT_BINDING, SamlXml.escape(logoutUrl), SamlXml.POST_BINDING,
				SamlXml.escape(consumerUrl));
	}

	/**
	 * The identity provider's sign-in URL carrying the signed request and relay state.
	 */
	static String signInRedirect(String signInUrl, String requestId, String entityId, String consumerUrl,
			String relayState, Instant now, PrivateKey key) {
		String request = """
				<samlp:AuthnRequest xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" \
				Destination="%s" AssertionConsumerServiceURL="%s" ProtocolBinding="%s">\
				<saml:Issuer>%s</saml:Issuer>\
				<samlp:NameIDPolicy AllowCreate="true"/>\
				</samlp:AuthnRequest>""".formatted(SamlXml.PROTOCOL, SamlXml.ASSERTION, requestId,
				now.truncatedTo(ChronoUnit.SECONDS), SamlXml.escape(signInUrl), SamlXml.escape(consumerUrl),
				SamlXml.POST_BINDING, SamlXml.escape(entityId));
		return RedirectBinding.url(signInUrl, "SAMLRequest", request, relayState, key);
	}

	/** The identity provider's logout URL carrying a signed request to end a session. */
	static String logoutRedirect(String logoutUrl, String requestId, String entityId, SamlSessions.Row session,
			Instant now, PrivateKey key) {
		String format = (session.nameIdFormat() != null) ? " Format=\"" + SamlXml.escape(session.nameIdFormat()) + "\""
				: "";
		String index = (session.sessionIndex() != null)
				? "<samlp:SessionIndex>" + SamlXml.escape(session.sessionIndex()) + "</samlp:SessionIndex>" : "";
		String request = """
				<samlp:LogoutRequest xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" \
				Destination="%s"><saml:Issuer>%s</saml:Issuer><saml:NameID%s>%s</saml:NameID>%s\
				</samlp:LogoutRequest>""".formatted(SamlXml.PROTOCOL, SamlXml.ASSERTION, requestId,
				now.truncatedTo(ChronoUnit.SECONDS), SamlXml.escape(logoutUrl), SamlXml.escape(entityId), format,
				SamlXml.escape(session.nameId()), index);
		return RedirectBinding.url(logoutUrl, "SAMLRequest", request, null, key);
	}

	/**
	 * The identity provider's logout URL carrying Ferry's signed answer to its request.
	 */
	static String logoutResponseRedirect(String logoutUrl, String responseId, String inResponseTo, String entityId,
			Instant now, PrivateKey key) {
		String response = """
				<samlp:LogoutResponse xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" \
				Destination="%s" InResponseTo="%s"><saml:Issuer>%s</saml:Issuer>\
				<samlp:Status><samlp:StatusCode Value="%s"/></samlp:Status></samlp:LogoutResponse>""".formatted(
				SamlXml.PROTOCOL, SamlXml.ASSERTION, responseId, now.truncatedTo(ChronoUnit.SECONDS),
				SamlXml.escape(logoutUrl), SamlXml.escape(inResponseTo), SamlXml.escape(entityId), SamlXml.SUCCESS);
		return RedirectBinding.url(logoutUrl, "SAMLResponse", response, null, key);
	}

}
