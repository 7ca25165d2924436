package dev.ferry.upload;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Header fields of the IETF resumable-upload draft (draft-ietf-httpbis-resumable-upload,
 * interop version {@value #INTEROP_VERSION}), the successor of tus. They are Structured
 * Fields (RFC 9651): {@code Upload-Complete} a Boolean ({@code ?1}/{@code ?0}),
 * {@code Upload-Offset} and {@code Upload-Length} Integers; any other value makes the
 * field count as absent, as the draft requires.
 */
final class DraftHeaders {

	static final String INTEROP_VERSION = "8";

	static final String UPLOAD_DRAFT_INTEROP_VERSION = "Upload-Draft-Interop-Version";

	static final String UPLOAD_COMPLETE = "Upload-Complete";

	static final String UPLOAD_LIMIT = "Upload-Limit";

	static final String PARTIAL_UPLOAD = "application/partial-upload";

	/** An RFC 9651 Integer that is not negative (at most 15 digits). */
	private static final Pattern INTEGER = Pattern.compile("\\d{1,15}");

	private DraftHeaders() {
	}

	/**
	 * A draft request, not a tus one. Draft clients send their interop version; a client
	 * of the final RFC sends no {@code Tus-Resumable}, and {@code Upload-Complete} where
	 * it brings bytes (a HEAD or DELETE of it carries nothing else to tell it by).
	 */
	static boolean isDraft(HttpServletRequest request) {
		if (request.getHeader(UPLOAD_DRAFT_INTEROP_VERSION) != null) {
			return true;
		}
		if (request.getHeader(TusHeaders.TUS_RESUMABLE) != null) {
			return false;
		}
		String method = request.getMethod();
		return request.getHeader(UPLOAD_COMPLETE) != null || "HEAD".equals(method) || "DELETE".equals(method);
	}

	/** Only a client speaking our interop version may be sent 104 interim responses. */
	static boolean speaksOurVersion(HttpServletRequest request) {
		String version = request.getHeader(UPLOAD_DRAFT_INTEROP_VERSION);
		return version != null && version.strip().equals(INTEROP_VERSION);
	}

	/** {@code Upload-Complete}: true, false, or null when absent or not a Boolean. */
	static Boolean complete(HttpServletRequest request) {
		String value = request.getHeader(UPLOAD_COMPLETE);
		if (value == null) {
			return null;
		}
		return switch (value.strip()) {
			case "?1" -> Boolean.TRUE;
			case "?0" -> Boolean.FALSE;
			default -> null;
		};
	}

	/** An Integer field, or null when absent or not a non-negative Integer. */
	static Long integer(HttpServletRequest request, String name) {
		String value = request.getHeader(name);
		if (value == null || !INTEGER.matcher(value.strip()).matches()) {
			return null;
		}
		return Long.parseLong(value.strip());
	}

	static String bool(boolean value) {
		return value ? "?1" : "?0";
	}

}
