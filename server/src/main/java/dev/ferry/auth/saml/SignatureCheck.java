package dev.ferry.auth.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies the enveloped XML signature of one SAML element with Apache Santuario, in its
 * secure validation mode (no XSLT or other dangerous transforms, bounded references, no
 * SHA-1 or MD5). Against signature wrapping: the signature must be a direct child of the
 * element, sign exactly that element by its {@code ID} and no other, with only the
 * enveloped-signature and exclusive canonicalization transforms, and that {@code ID} must
 * occur once in the whole document. Only the identity provider's metadata certificates
 * are tried.
 */
final class SignatureCheck {

	private static final Set<String> TRANSFORMS = Set.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
			Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS);

	static {
		Init.init();
	}

	private SignatureCheck() {
	}

	/** Whether {@code element} carries a signature of its own. */
	static boolean signed(Element element) {
		return !SamlXml.children(element, SamlXml.SIGNATURE, "Signature").isEmpty();
	}

	/**
	 * Throws {@link SamlFailure} {@code invalid_signature} unless the signature holds.
	 */
	static void verify(Element element, List<X509Certificate> trusted) {
		String id = element.getAttributeNS(null, "ID");
		if (id.isEmpty() || occurrences(element.getOwnerDocument().getDocumentElement(), id) != 1) {
			throw invalid("The signed element's ID is missing or not unique");
		}
		element.setIdAttributeNS(null, "ID", true);
		Element signatureElement = SamlXml.child(element, SamlXml.SIGNATURE, "Signature")
			.orElseThrow(() -> invalid("Not exactly one signature"));
		try {
			XMLSignature signature = new XMLSignature(signatureElement, "", true);
			SignedInfo signedInfo = signature.getSignedInfo();
			if (signedInfo.getLength() != 1) {
				throw invalid("The signature signs more than one reference");
			}
			Reference reference = signedInfo.item(0);
			if (!("#" + id).equals(reference.getURI())) {
				throw invalid("The signature does not sign its parent element");
			}
			Transforms transforms = reference.getTransforms();
			for (int i = 0; transforms != null && i < transforms.getLength(); i++) {
				if (!TRANSFORMS.contains(transforms.item(i).getURI())) {
					throw invalid("Unexpected transform " + transforms.item(i).getURI());
				}
			}
			for (X509Certificate certificate : trusted) {
				if (signature.checkSignatureValue(certificate.getPublicKey())) {
					return;
				}
			}
			throw invalid("The signature does not verify with the provider's certificates");
		}
		catch (XMLSecurityException ex) {
			throw new SamlFailure("invalid_signature", "The signature cannot be verified", ex);
		}
	}

	private static int occurrences(Element root, String id) {
		NodeList all = root.getOwnerDocument().getElementsByTagNameNS("*", "*");
		int count = 0;
		for (int i = 0; i < all.getLength(); i++) {
			if (id.equals(((Element) all.item(i)).getAttributeNS(null, "ID"))) {
				count++;
			}
		}
		return count;
	}

	private static SamlFailure invalid(String message) {
		return new SamlFailure("invalid_signature", message);
	}

}
