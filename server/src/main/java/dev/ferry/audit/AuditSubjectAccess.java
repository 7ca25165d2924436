package dev.ferry.audit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The records about one person, for their data export: what {@link AuditErasure} would
 * pseudonymise, as JSON lines.
 */
public interface AuditSubjectAccess {

	/**
	 * Streams the records one page at a time, oldest first; does not close {@code out}.
	 */
	void writeAbout(String userId, String email, OutputStream out) throws IOException;

}
