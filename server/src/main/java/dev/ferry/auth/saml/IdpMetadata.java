package dev.ferry.auth.saml;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What Ferry takes from an identity provider's metadata: its entity id, where to send
 * sign-in requests (HTTP-Redirect binding), where to send logout requests and responses
 * (HTTP-Redirect binding; null when it offers none) and the certificates its signatures
 * must verify with. Only these certificates are trusted; a key sent inside a signature is
 * ignored.
 */
record IdpMetadata(String entityId, String signInUrl, List<X509Certificate> signingCertificates, String logoutUrl) {

	/**
	 * Reads an {@code EntityDescriptor} (or the first one with an IdP role in an
	 * {@code EntitiesDescriptor}). Throws {@link IllegalArgumentException} when something
	 * Ferry needs is missing.
	 */
	static IdpMetadata read(Document document) {
		Element root = document.getDocumentElement();
		Element entity = SamlXml.is(root, SamlXml.METADATA, "EntitiesDescriptor")
				? SamlXml.children(root, SamlXml.METADATA, "EntityDescriptor")
					.stream()
					.filter((candidate) -> SamlXml.child(candidate, SamlXml.METADATA, "IDPSSODescriptor").isPresent())
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("No identity provider in the metadata"))
				: root;
		if (!SamlXml.is(entity, SamlXml.METADATA, "EntityDescriptor")) {
			throw new IllegalArgumentException("Not SAML metadata: " + root.getLocalName());
		}
		String entityId = SamlXml.attribute(entity, "entityID")
			.orElseThrow(() -> new IllegalArgumentException("The metadata has no entityID"));
		Element idp = SamlXml.child(entity, SamlXml.METADATA, "IDPSSODescriptor")
			.orElseThrow(() -> new IllegalArgumentException("The metadata has no IDPSSODescriptor"));
		String signIn = redirectLocation(idp, "SingleSignOnService")
			.orElseThrow(() -> new IllegalArgumentException("The IdP offers no HTTP-Redirect sign-in"));
		String logout = redirectLocation(idp, "SingleLogoutService").orElse(null);
		List<X509Certificate> certificates = new ArrayList<>();
		for (Element key : SamlXml.children(idp, SamlXml.METADATA, "KeyDescriptor")) {
			String use = key.getAttributeNS(null, "use");
			if (use.isEmpty() || "signing".equals(use)) {
				SamlXml.child(key, SamlXml.SIGNATURE, "KeyInfo")
					.flatMap((info) -> SamlXml.child(info, SamlXml.SIGNATURE, "X509Data"))
					.flatMap((data) -> SamlXml.text(data, SamlXml.SIGNATURE, "X509Certificate"))
					.ifPresent((text) -> certificates.add(certificate(text)));
			}
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("The metadata has no signing certificate");
		}
		return new IdpMetadata(entityId, signIn, List.copyOf(certificates), logout);
	}

	/** Where the IdP takes the HTTP-Redirect binding for {@code service}. */
	private static Optional<String> redirectLocation(Element idp, String service) {
		return SamlXml.children(idp, SamlXml.METADATA, service)
			.stream()
			.filter((element) -> SamlXml.REDIRECT_BINDING.equals(element.getAttributeNS(null, "Binding")))
			.map((element) -> SamlXml.attribute(element, "Location"))
			.flatMap(Optional::stream)
			.findFirst();
	}

	private static X509Certificate certificate(String base64) {
		try {
			byte[] der = Base64.getMimeDecoder().decode(base64);
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(der));
		}
		catch (CertificateException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("A signing certificate in the metadata cannot be read", ex);
		}
	}

}
