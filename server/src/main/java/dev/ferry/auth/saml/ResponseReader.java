package dev.ferry.auth.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.stereotype.Component;

/**
 * Checks a {@code samlp:Response} from the POST binding and reads its one assertion. In
 * this order, each with its own failure reason: well-formed and successful, signatures
 * (the assertion's required, the response's checked when present), issuer, audience,
 * validity window, bearer confirmation for this endpoint. An encrypted assertion is
 * decrypted with Ferry's key for the provider first (after the response's signature,
 * which covers it encrypted, is verified), then checked exactly like a plain one.
 */
@Component
class ResponseReader {

	/** How far the identity provider's clock may be off. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

	private final Clock clock;

	private final SpKeys keys;

	ResponseReader(Clock clock, SpKeys keys) {
		this.clock = clock;
		this.keys = keys;
	}

	/**
	 * The assertion in {@code xml}, checked for {@code audience} (Ferry's entity id) at
	 * {@code endpoint} (the assertion consumer URL); throws {@link SamlFailure}.
	 */
	SamlAssertion read(byte[] xml, SamlProperties.Provider provider, IdpMetadata idp, String audience,
			String endpoint) {
		Element response = parse(xml).getDocumentElement();
		if (!SamlXml.is(response, SamlXml.PROTOCOL, "Response")) {
			throw new SamlFailure("malformed", "Not a SAML response");
		}
		SamlXml.requireSuccess(response);
		if (count(response, "Assertion") + count(response, "EncryptedAssertion") != 1) {
			throw new SamlFailure("malformed", "Not exactly one assertion");
		}
		if (SignatureCheck.signed(response)) {
			SignatureCheck.verify(response, idp.signingCertificates());
		}
		decrypt(response, provider);
		if (count(response, "Assertion") != 1) {
			throw new SamlFailure("malformed", "Not exactly one assertion");
		}
		Element assertion = SamlXml.child(response, SamlXml.ASSERTION, "Assertion")
			.orElseThrow(() -> new SamlFailure("malformed", "The assertion is not where it belongs"));
		if (!SignatureCheck.signed(assertion)) {
			throw new SamlFailure("unsigned", "The assertion is not signed");
		}
		SignatureCheck.verify(assertion, idp.signingCertificates());
		checkIssuer(response, idp, false);
		checkIssuer(assertion, idp, true);
		Element conditions = SamlXml.child(assertion, SamlXml.ASSERTION, "Conditions")
			.orElseThrow(() -> new SamlFailure("malformed", "The assertion has no conditions"));
		checkAudience(conditions, audience);
		Instant now = clock.instant();
		Instant notOnOrAfter = window(conditions, now);
		Element subject = SamlXml.child(assertion, SamlXml.ASSERTION, "Subject")
			.orElseThrow(() -> new SamlFailure("malformed", "The assertion has no subject"));
		Element confirmation = bearer(subject, now, endpoint);
		Optional<String> destination = SamlXml.attribute(response, "Destination");
		if (destination.isPresent() && !destination.get().equals(endpoint)) {
			throw new SamlFailure("wrong_recipient", "The response is for " + destination.get());
		}
		String nameId = SamlXml.text(subject, SamlXml.ASSERTION, "NameID")
			.filter((text) -> !text.isEmpty() && text.length() <= 255)
			.orElseThrow(() -> new SamlFailure("malformed", "The assertion has no NameID, or one too long"));
		String inResponseTo = SamlXml.attribute(confirmation, "InResponseTo")
			.or(() -> SamlXml.attribute(response, "InResponseTo"))
			.orElse(null);
		String format = SamlXml.child(subject, SamlXml.ASSERTION, "NameID")
			.flatMap((element) -> SamlXml.attribute(element, "Format"))
			.orElse(null);
		String sessionIndex = SamlXml.child(assertion, SamlXml.ASSERTION, "AuthnStatement")
			.flatMap((statement) -> SamlXml.attribute(statement, "SessionIndex"))
			.filter((index) -> index.length() <= 255)
			.orElse(null);
		return new SamlAssertion(assertion.getAttributeNS(null, "ID"), nameId, inResponseTo, notOnOrAfter,
				attributes(assertion), format, sessionIndex);
	}

	/**
	 * Decrypts the response's one encrypted assertion in place; refuses a plain one when
	 * the provider must encrypt.
	 */
	private void decrypt(Element response, SamlProperties.Provider provider) {
		List<Element> encrypted = SamlXml.children(response, SamlXml.ASSERTION, "EncryptedAssertion");
		if (encrypted.size() != count(response, "EncryptedAssertion")) {
			throw new SamlFailure("malformed", "The encrypted assertion is not where it belongs");
		}
		if (encrypted.isEmpty()) {
			if (provider.requireEncryption()) {
				throw new SamlFailure("unencrypted", "The assertion was not encrypted");
			}
			return;
		}
		AssertionDecryption.decrypt(response, encrypted.get(0), keys.forProvider(provider).privateKey());
	}

	/** How many SAML assertion elements so named the whole document holds. */
	private static int count(Element response, String name) {
		return response.getOwnerDocument().getElementsByTagNameNS(SamlXml.ASSERTION, name).getLength();
	}

	private static Document parse(byte[] xml) {
		try {
			return SamlXml.parse(new ByteArrayInputStream(xml));
		}
		catch (IOException ex) {
			throw new SamlFailure("malformed", "The response is not well-formed XML", ex);
		}
	}

	private static void checkIssuer(Element element, IdpMetadata idp, boolean required) {
		Optional<String> issuer = SamlXml.text(element, SamlXml.ASSERTION, "Issuer");
		if ((required && issuer.isEmpty()) || (issuer.isPresent() && !issuer.get().equals(idp.entityId()))) {
			throw new SamlFailure("wrong_issuer", "Issued by " + issuer.orElse("nobody"));
		}
	}

	private static void checkAudience(Element conditions, String audience) {
		List<Element> restrictions = SamlXml.children(conditions, SamlXml.ASSERTION, "AudienceRestriction");
		boolean ours = !restrictions.isEmpty() && restrictions.stream()
			.allMatch((restriction) -> SamlXml.children(restriction, SamlXml.ASSERTION, "Audience")
				.stream()
				.anyMatch((element) -> audience.equals(element.getTextContent().strip())));
		if (!ours) {
			throw new SamlFailure("wrong_audience", "The assertion is not meant for " + audience);
		}
	}

	/** Checks the conditions' validity window; answers its end. */
	private static Instant window(Element conditions, Instant now) {
		Optional<Instant> notBefore = instant(conditions, "NotBefore");
		if (notBefore.isPresent() && now.plus(CLOCK_SKEW).isBefore(notBefore.get())) {
			throw new SamlFailure("not_yet_valid", "The assertion is valid from " + notBefore.get());
		}
		Instant notOnOrAfter = instant(conditions, "NotOnOrAfter")
			.orElseThrow(() -> new SamlFailure("malformed", "The assertion never expires"));
		if (!now.minus(CLOCK_SKEW).isBefore(notOnOrAfter)) {
			throw new SamlFailure("expired", "The assertion expired at " + notOnOrAfter);
		}
		return notOnOrAfter;
	}

	/** The bearer confirmation for {@code endpoint} that is still valid. */
	private static Element bearer(Element subject, Instant now, String endpoint) {
		for (Element confirmation : SamlXml.children(subject, SamlXml.ASSERTION, "SubjectConfirmation")) {
			if (!BEARER.equals(confirmation.getAttributeNS(null, "Method"))) {
				continue;
			}
			Element data = SamlXml.child(confirmation, SamlXml.ASSERTION, "SubjectConfirmationData")
				.orElseThrow(() -> new SamlFailure("malformed", "The bearer confirmation has no data"));
			Instant until = instant(data, "NotOnOrAfter")
				.orElseThrow(() -> new SamlFailure("malformed", "The bearer confirmation never expires"));
			if (!now.minus(CLOCK_SKEW).isBefore(until)) {
				throw new SamlFailure("expired", "The bearer confirmation expired at " + until);
			}
			if (!endpoint.equals(data.getAttributeNS(null, "Recipient"))) {
				throw new SamlFailure("wrong_recipient",
						"The assertion is for " + data.getAttributeNS(null, "Recipient"));
			}
			return data;
		}
		throw new SamlFailure("malformed", "The assertion has no bearer confirmation");
	}

	/** A time attribute of {@code element}; {@link SamlFailure} when it is not one. */
	static Optional<Instant> instant(Element element, String name) {
		try {
			return SamlXml.attribute(element, name).map(Instant::parse);
		}
		catch (DateTimeParseException ex) {
			throw new SamlFailure("malformed", "Not a time: " + name, ex);
		}
	}

	private static Map<String, List<String>> attributes(Element assertion) {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (Element statement : SamlXml.children(assertion, SamlXml.ASSERTION, "AttributeStatement")) {
			for (Element attribute : SamlXml.children(statement, SamlXml.ASSERTION, "Attribute")) {
				List<String> values = attributes.computeIfAbsent(attribute.getAttributeNS(null, "Name"),
						(name) -> new ArrayList<>());
				SamlXml.children(attribute, SamlXml.ASSERTION, "AttributeValue")
					.stream()
					.map((value) -> value.getTextContent().strip())
					.filter((value) -> !value.isEmpty())
					.forEach(values::add);
			}
		}
		return attributes;
	}

}
