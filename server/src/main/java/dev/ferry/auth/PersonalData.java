package dev.ferry.auth;

import java.util.UUID;

/**
 * What one module holds about a person, for their data export (GDPR Art. 15 and 20).
 * Modules implement it as a bean; the export asks every one and writes each answer as
 * {@code <section>.json}. Secrets (password hashes, token hashes, keys) never go in.
 */
public interface PersonalData {

	/** The export's file name for this part, without {@code .json}. */
	String section();

	/** A JSON-serialisable description of what is held about the account. */
	Object about(UUID userId);

}
