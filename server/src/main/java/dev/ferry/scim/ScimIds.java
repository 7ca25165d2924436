package dev.ferry.scim;

import java.util.UUID;

/** Resource ids are UUIDs; anything else names no resource (404, not 400). */
final class ScimIds {

	private ScimIds() {
	}

	static UUID parse(String id) {
		try {
			return (id != null && id.length() == 36) ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
