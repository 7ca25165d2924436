package dev.ferry.storage.internal;

import java.util.regex.Pattern;

/**
 * The object keys every {@link dev.ferry.storage.spi.BlobStore} accepts: relative,
 * slash-separated names of safe characters that never start with a dot, so no key can
 * leave the store's root or look like a local temp file.
 */
final class ObjectKeys {

	static final String TEMP_SUFFIX = ".tmp";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

	private ObjectKeys() {
	}

	static String require(String key) {
		if (key == null || !KEY.matcher(key).matches() || key.endsWith(TEMP_SUFFIX)) {
			throw new IllegalArgumentException("Invalid object key");
		}
		return key;
	}

}
