package dev.ferry.auth.saml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * SAML's HTTP-Redirect binding (SAML 2.0 Bindings, 3.4): the message deflated, base64 and
 * URL-encoded into the query, signed over the query string as it is sent
 * ({@code SAMLRequest=…&RelayState=…&SigAlg=…}) with RSA-SHA256 through the JDK's
 * {@link Signature}.
 */
final class RedirectBinding {

	static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

	private RedirectBinding() {
	}

	/**
	 * {@code endpoint} with {@code xml} as {@code parameter} ({@code SAMLRequest} or
	 * {@code SAMLResponse}), the relay state when not null, signed with {@code key}.
	 */
	static String url(String endpoint, String parameter, String xml, String relayState, PrivateKey key) {
		StringBuilder query = new StringBuilder(parameter).append('=').append(encode(deflate(xml)));
		if (relayState != null) {
			query.append("&RelayState=").append(encode(relayState));
		}
		query.append("&SigAlg=").append(encode(RSA_SHA256));
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(key);
			signature.update(query.toString().getBytes(StandardCharsets.US_ASCII));
			query.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(signature.sign())));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a SAML message", ex);
		}
		return endpoint + (endpoint.contains("?") ? "&" : "?") + query;
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
