package dev.ferry.files;

import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a new file gets when it arrives, whichever path brought it: its type from content
 * and the state of its malware scan.
 */
@Component
class Arrivals {

	private final ContentTypes types;

	private final ObjectProvider<ScanSettings> scanning;

	Arrivals(ContentTypes types, ObjectProvider<ScanSettings> scanning) {
		this.types = types;
		this.scanning = scanning;
	}

	String detectType(UUID blobId, long size, String name, String declaredType) {
		return types.detect(blobId, size, name, declaredType);
	}

	FileRecord.Scan initialScan() {
		ScanSettings settings = scanning.getIfAvailable();
		return (settings != null && settings.scannerConfigured()) ? FileRecord.Scan.PENDING : FileRecord.Scan.SKIPPED;
	}

}
