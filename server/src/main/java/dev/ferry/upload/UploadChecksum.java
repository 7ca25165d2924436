package dev.ferry.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tus {@code Upload-Checksum} header ({@code sha256 <base64>}): the digest of one
 * request's body, checked before its bytes are committed.
 */
record UploadChecksum(String algorithm, byte[] expected) {

	/** tus names to JDK names; the order is what OPTIONS advertises. */
	private static final Map<String, String> ALGORITHMS = algorithms();

	static String advertised() {
		return String.join(",", ALGORITHMS.keySet());
	}

	/** Null when the request carries no checksum. */
	static UploadChecksum parse(String header) {
		if (header == null) {
			return null;
		}
		String[] parts = header.strip().split(" ");
		if (parts.length != 2) {
			throw invalid("Upload-Checksum must be '<algorithm> <base64 digest>'.");
		}
		String algorithm = parts[0].toLowerCase(Locale.ROOT);
		if (!ALGORITHMS.containsKey(algorithm)) {
			throw UploadException.badRequest("unsupported-checksum", "Unsupported checksum algorithm",
					"Upload-Checksum algorithm '" + parts[0] + "' is not supported; use one of " + advertised() + ".");
		}
		try {
			return new UploadChecksum(algorithm, Base64.getDecoder().decode(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("The Upload-Checksum digest is not valid base64.");
		}
	}

	MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(ALGORITHMS.get(algorithm));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK always provides " + algorithm, ex);
		}
	}

	boolean matches(byte[] actual) {
		return MessageDigest.isEqual(expected, actual);
	}

	private static UploadException invalid(String detail) {
		return UploadException.badRequest("invalid-checksum", "Invalid Upload-Checksum", detail);
	}

	private static Map<String, String> algorithms() {
		Map<String, String> algorithms = new LinkedHashMap<>();
		algorithms.put("sha1", "SHA-1");
		algorithms.put("sha256", "SHA-256");
		algorithms.put("md5", "MD5");
		return Collections.unmodifiableMap(algorithms);
	}

}
