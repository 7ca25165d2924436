package dev.ferry.auth.saml;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A checked assertion: signed by the identity provider, for this service provider, in
 * time. {@code subject} is the NameID, {@code inResponseTo} the request it answers,
 * {@code attributes} each attribute's values by name; {@code nameIdFormat} and
 * {@code sessionIndex} (either may be null) identify the provider's session for single
 * logout.
 */
record SamlAssertion(String id, String subject, String inResponseTo, Instant notOnOrAfter,
		Map<String, List<String>> attributes, String nameIdFormat, String sessionIndex) {

	/** The first value of {@code name}, or null. */
	String first(String name) {
		List<String> values = (name != null) ? attributes.get(name) : null;
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
