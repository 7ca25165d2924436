package dev.ferry.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats an audit export can be downloaded in. */
enum ExportFormat {

	CSV("text/csv;charset=UTF-8", "csv"), NDJSON("application/x-ndjson", "ndjson");

	private final String contentType;

	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return contentType;
	}

	String extension() {
		return extension;
	}

	static Optional<ExportFormat> named(String name) {
		return Arrays.stream(values()).filter((f) -> f.extension.equals(name.toLowerCase(Locale.ROOT))).findFirst();
	}

}
