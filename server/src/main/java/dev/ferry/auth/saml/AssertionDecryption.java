package dev.ferry.auth.saml;

import java.security.Key;
import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Element;

/**
 * Turns a response's {@code EncryptedAssertion} into the plain {@code Assertion} in its
 * place, with Apache Santuario's {@link XMLCipher} in secure validation mode, so that the
 * very same checks then run on it as on an assertion sent in the clear (its signature
 * included). Only AES (GCM or CBC) content encrypted under a key transported with
 * RSA-OAEP is taken; RSA PKCS#1 v1.5 key transport, open to padding-oracle attacks, is
 * refused.
 */
final class AssertionDecryption {

	static final String ENCRYPTION = "http://www.w3.org/2001/04/xmlenc#";

	private static final Set<String> CONTENT = Set.of(XMLCipher.AES_128_GCM, XMLCipher.AES_192_GCM,
			XMLCipher.AES_256_GCM, XMLCipher.AES_128, XMLCipher.AES_192, XMLCipher.AES_256);

	private static final Set<String> KEY_TRANSPORT = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);

	static {
		Init.init();
	}

	private AssertionDecryption() {
	}

	/**
	 * Replaces {@code encrypted} (a direct child of the response) by the assertion it
	 * holds; throws {@link SamlFailure} {@code decryption_failed} when it cannot.
	 */
	static void decrypt(Element response, Element encrypted, PrivateKey key) {
		Element dataElement = SamlXml.child(encrypted, ENCRYPTION, "EncryptedData")
			.orElseThrow(() -> failed("The encrypted assertion has no EncryptedData", null));
		Element keyElement = encryptedKey(encrypted, dataElement)
			.orElseThrow(() -> failed("The encrypted assertion carries no EncryptedKey", null));
		try {
			XMLCipher cipher = XMLCipher.getInstance();
			cipher.setSecureValidation(true);
			cipher.init(XMLCipher.DECRYPT_MODE, null);
			EncryptedData data = cipher.loadEncryptedData(response.getOwnerDocument(), dataElement);
			String contentAlgorithm = (data.getEncryptionMethod() != null) ? data.getEncryptionMethod().getAlgorithm()
					: null;
			if (!CONTENT.contains(contentAlgorithm)) {
				throw failed("Content encryption " + contentAlgorithm + " is not accepted", null);
			}
			XMLCipher unwrap = XMLCipher.getInstance();
			unwrap.setSecureValidation(true);
			unwrap.init(XMLCipher.UNWRAP_MODE, key);
			EncryptedKey encryptedKey = unwrap.loadEncryptedKey(response.getOwnerDocument(), keyElement);
			String transport = (encryptedKey.getEncryptionMethod() != null)
					? encryptedKey.getEncryptionMethod().getAlgorithm() : null;
			if (!KEY_TRANSPORT.contains(transport)) {
				throw failed("Key transport " + transport + " is not accepted", null);
			}
			Key contentKey = unwrap.decryptKey(encryptedKey, contentAlgorithm);
			XMLCipher decrypt = XMLCipher.getInstance();
			decrypt.setSecureValidation(true);
			decrypt.init(XMLCipher.DECRYPT_MODE, contentKey);
			decrypt.doFinal(response.getOwnerDocument(), dataElement);
		}
		catch (SamlFailure failure) {
			throw failure;
		}
		catch (Exception ex) {
			// XMLCipher.doFinal declares Exception: every failure to decrypt lands here.
			throw failed("The assertion cannot be decrypted", ex);
		}
		List<Element> assertions = SamlXml.children(encrypted, SamlXml.ASSERTION, "Assertion");
		if (assertions.size() != 1) {
			throw new SamlFailure("malformed", "The encrypted assertion does not hold exactly one assertion");
		}
		response.replaceChild(assertions.get(0), encrypted);
	}

	/** The key inside the data's KeyInfo, else the one beside the data. */
	private static Optional<Element> encryptedKey(Element encrypted, Element data) {
		return SamlXml.child(data, SamlXml.SIGNATURE, "KeyInfo")
			.flatMap((info) -> SamlXml.child(info, ENCRYPTION, "EncryptedKey"))
			.or(() -> SamlXml.child(encrypted, ENCRYPTION, "EncryptedKey"));
	}

	private static SamlFailure failed(String message, Exception cause) {
		return new SamlFailure("decryption_failed", message, cause);
	}

}
