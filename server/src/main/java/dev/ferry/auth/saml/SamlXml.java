package dev.ferry.auth.saml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reading SAML XML safely: namespace-aware, no DTD (so no entity expansion or external
 * entities), no XInclude; and the few element look-ups SAML needs, always by namespace
 * and only among direct children, so an element smuggled in elsewhere is never read.
 */
final class SamlXml {

	static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

	static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

	static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";

	static final String SIGNATURE = "http://www.w3.org/2000/09/xmldsig#";

	static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

	static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

	static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

	/** SAML nests a handful of levels; a deeper document is an attack on the stack. */
	private static final String MAX_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

	private SamlXml() {
	}

	static Document parse(InputStream in) throws IOException {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setAttribute(MAX_DEPTH, "64");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(in);
		}
		catch (ParserConfigurationException | SAXException | IllegalArgumentException ex) {
			throw new IOException("Not well-formed SAML XML: " + ex.getMessage(), ex);
		}
	}

	/** The direct children of {@code parent} named {@code namespace:name}. */
	static List<Element> children(Element parent, String namespace, String name) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				found.add(element);
			}
		}
		return found;
	}

	/** The only direct child so named; empty when there is none or more than one. */
	static Optional<Element> child(Element parent, String namespace, String name) {
		List<Element> found = children(parent, namespace, name);
		return (found.size() == 1) ? Optional.of(found.get(0)) : Optional.empty();
	}

	/** The trimmed text of the only direct child so named. */
	static Optional<String> text(Element parent, String namespace, String name) {
		return child(parent, namespace, name).map((element) -> element.getTextContent().strip());
	}

	/** An attribute's value, empty when it is absent or blank. */
	static Optional<String> attribute(Element element, String name) {
		String value = element.getAttributeNS(null, name);
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value);
	}

	/**
	 * Throws {@link SamlFailure} {@code provider_refused} unless the protocol message's
	 * status is success.
	 */
	static void requireSuccess(Element message) {
		String status = child(message, PROTOCOL, "Status").flatMap((element) -> child(element, PROTOCOL, "StatusCode"))
			.map((code) -> code.getAttributeNS(null, "Value"))
			.orElse("");
		if (!SUCCESS.equals(status)) {
			throw new SamlFailure("provider_refused", "The provider answered " + status);
		}
	}

	static boolean is(Element element, String namespace, String name) {
		return namespace.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
	}

	/** {@code text} safe inside an XML attribute value or element. */
	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
