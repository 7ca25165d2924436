package dev.ferry.files;

import java.util.List;

/**
 * A file as the API shows it; times are ISO-8601 UTC. {@code scanSignature} names the
 * malware an infected file carries; {@code allowedIps} the networks it may be downloaded
 * from (empty: anywhere); {@code piiFlags} the kinds of personal data found in it (never
 * the values).
 */
record FileView(String id, String name, String folder, String path, String contentType, long size, String sha256,
		String createdAt, String modifiedAt, String scanStatus, String scanSignature, List<String> allowedIps,
		List<String> piiFlags) {

	static FileView of(FileRecord file) {
		return new FileView(file.id().toString(), file.name(), file.folder(), file.path(), file.contentType(),
				file.size(), file.sha256(), file.createdAt().toString(), file.modifiedAt().toString(),
				file.scan().status().value(), file.scan().signature(), file.allowedIps(), file.piiFlags());
	}

}
