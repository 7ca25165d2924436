package dev.ferry.auth.saml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The two documents Ferry writes: the service provider's metadata, and an
 * {@code AuthnRequest} encoded for the HTTP-Redirect binding (unsigned; the identity
 * provider checks the assertion consumer URL against its client's configuration).
 */
final class SamlMessages {

	private SamlMessages() {
	}

	/**
	 * Ferry's metadata for one provider: who it is, that it wants signed assertions,
	 * where they are posted, and the certificate to encrypt them to (base64 DER) with the
	 * algorithms Ferry decrypts.
	 */
	static String metadata(String entityId, String consumerUrl, String encryptionCertificate) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<md:EntityDescriptor xmlns:md="%s" xmlns:ds="%s" entityID="%s">
				  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" \
				protocolSupportEnumeration="%s">
				    <md:KeyDescriptor use="encryption">
				      <ds:KeyInfo><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes128-gcm"/>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#rsa-oaep"/>
				      <md:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"/>
				    </md:KeyDescriptor>
				    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>
				    <md:AssertionConsumerService Binding="%s" Location="%s" index="0" isDefault="true"/>
				  </md:SPSSODescriptor>
				</md:EntityDescriptor>
				""".formatted(SamlXml.METADATA, SamlXml.SIGNATURE, SamlXml.escape(entityId), SamlXml.PROTOCOL,
				encryptionCertificate, SamlXml.POST_BINDING, SamlXml.escape(consumerUrl));
	}

	/** The identity provider's sign-in URL carrying the request and the relay state. */
	static String signInRedirect(String signInUrl, String requestId, String entityId, String consumerUrl,
			String relayState, Instant now) {
		String request = """
				<samlp:AuthnRequest xmlns:samlp="%s" xmlns:saml="%s" ID="%s" Version="2.0" IssueInstant="%s" \
				Destination="%s" AssertionConsumerServiceURL="%s" ProtocolBinding="%s">\
				<saml:Issuer>%s</saml:Issuer>\
				<samlp:NameIDPolicy AllowCreate="true"/>\
				</samlp:AuthnRequest>""".formatted(SamlXml.PROTOCOL, SamlXml.ASSERTION, requestId,
				now.truncatedTo(ChronoUnit.SECONDS), SamlXml.escape(signInUrl), SamlXml.escape(consumerUrl),
				SamlXml.POST_BINDING, SamlXml.escape(entityId));
		return signInUrl + (signInUrl.contains("?") ? "&" : "?") + "SAMLRequest=" + encode(deflate(request))
				+ "&RelayState=" + encode(relayState);
	}

	/** Raw DEFLATE, then base64, as the redirect binding wants. */
	private static String deflate(String xml) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(Deflater.DEFLATED, true);
		try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
			out.write(xml.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot deflate in memory", ex);
		}
		finally {
			deflater.end();
		}
		return Base64.getEncoder().encodeToString(bytes.toByteArray());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
