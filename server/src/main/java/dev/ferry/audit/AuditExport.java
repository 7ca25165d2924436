package dev.ferry.audit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An export ready to be streamed: its format, a file name, and the writer of its bytes.
 */
record AuditExport(ExportFormat format, String filename, Body body) {

	@FunctionalInterface
	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

}
