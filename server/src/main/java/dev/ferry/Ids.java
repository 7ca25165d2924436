package dev.ferry;

import java.util.UUID;

/**
 * Ids in paths and bodies are UUIDs in their canonical 36-character form; anything else
 * names nothing (a 404 like an unknown id, not a 400), which every module answers alike.
 */
public final class Ids {

	private Ids() {
	}

	/** The UUID {@code id} spells, or null. */
	public static UUID parse(String id) {
		try {
			return (id != null && id.length() == 36) ? UUID.fromString(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
