package dev.ferry.upload;

/** Reads the media type of a request's {@code Content-Type}, whatever follows it. */
final class MediaTypes {

	private MediaTypes() {
	}

	/**
	 * Whether {@code contentType} names {@code mediaType}, ignoring case and parameters;
	 * false for a missing or malformed header ({@code ;} alone, say), never an exception.
	 */
	static boolean is(String contentType, String mediaType) {
		if (contentType == null) {
			return false;
		}
		int parameters = contentType.indexOf(';');
		String bare = (parameters < 0) ? contentType : contentType.substring(0, parameters);
		return bare.strip().equalsIgnoreCase(mediaType);
	}

}
