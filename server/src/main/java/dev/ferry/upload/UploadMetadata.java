package dev.ferry.upload;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tus {@code Upload-Metadata} header: comma-separated {@code key base64value} pairs.
 * Values are kept decoded (and must be UTF-8), so the database holds readable JSON;
 * {@link #header()} encodes them again for HEAD.
 */
record UploadMetadata(Map<String, String> values) {

	static final UploadMetadata EMPTY = new UploadMetadata(Map.of());

	/** Far above what any client sends for a name, type and folder. */
	private static final int MAX_HEADER_LENGTH = 8192;

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x2b\\x2d-\\x7e]{1,100}");

	UploadMetadata {
		values = Map.copyOf(values);
	}

	static UploadMetadata parse(String header) {
		if (header == null || header.isBlank()) {
			return EMPTY;
		}
		if (header.length() > MAX_HEADER_LENGTH) {
			throw invalid("Upload-Metadata is longer than " + MAX_HEADER_LENGTH + " characters.");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : header.split(",")) {
			String[] parts = pair.strip().split(" ");
			if (parts.length > 2 || !KEY.matcher(parts[0]).matches()) {
				throw invalid("Upload-Metadata must be comma-separated 'key base64value' pairs.");
			}
			String value = (parts.length == 2) ? decode(parts[0], parts[1]) : "";
			if (values.put(parts[0], value) != null) {
				throw invalid("Upload-Metadata names '" + parts[0] + "' twice.");
			}
		}
		return new UploadMetadata(values);
	}

	String get(String key) {
		return values.get(key);
	}

	/** The first of {@code keys} that is present and not blank. */
	String first(String... keys) {
		for (String key : keys) {
			String value = values.get(key);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	String header() {
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getValue().isEmpty() ? entry.getKey()
					: entry.getKey() + " "
							+ Base64.getEncoder().encodeToString(entry.getValue().getBytes(StandardCharsets.UTF_8)))
			.collect(Collectors.joining(","));
	}

	private static String decode(String key, String base64) {
		try {
			byte[] bytes = Base64.getDecoder().decode(base64);
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw invalid("Upload-Metadata value of '" + key + "' is not base64-encoded UTF-8.");
		}
	}

	private static UploadException invalid(String detail) {
		return UploadException.badRequest("invalid-upload-metadata", "Invalid Upload-Metadata", detail);
	}

}
