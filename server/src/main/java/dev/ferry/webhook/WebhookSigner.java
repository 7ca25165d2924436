package dev.ferry.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code whsec_} secrets (base64 of 24 random bytes) and
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}.
 */
final class WebhookSigner {

	static final String PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSigner() {
	}

	/** A new secret's key bytes. */
	static byte[] newKey() {
		byte[] key = new byte[24];
		RANDOM.nextBytes(key);
		return key;
	}

	/** The secret as receivers configure it. */
	static String secret(byte[] key) {
		return PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** One signature per key, space-separated, as receivers expect during a rotation. */
	static String sign(List<byte[]> keys, String id, long timestampSeconds, String body) {
		return String.join(" ", keys.stream().map((key) -> sign(key, id, timestampSeconds, body)).toList());
	}

	static String sign(byte[] key, String id, long timestampSeconds, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
