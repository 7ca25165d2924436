package dev.ferry.share;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last item of a page, newest first: creation time plus id, so pages
 * stay stable while rows are added. Opaque to clients (URL-safe base64).
 */
public record Cursor(long millis, String id) {

	public static Cursor after(Instant createdAt, UUID id) {
		return new Cursor(createdAt.toEpochMilli(), id.toString());
	}

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((millis + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

	public static Cursor decode(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			return new Cursor(Long.parseLong(text.substring(0, colon)),
					UUID.fromString(text.substring(colon + 1)).toString());
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw ShareException.invalid("The cursor is not one this server handed out.");
		}
	}

	public static int limit(Integer requested) {
		if (requested == null) {
			return 50;
		}
		if (requested < 1 || requested > 200) {
			throw ShareException.invalid("limit must be between 1 and 200.");
		}
		return requested;
	}

}
