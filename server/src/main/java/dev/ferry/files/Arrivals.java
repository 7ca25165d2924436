package dev.ferry.files;

import java.util.UUID;

import dev.ferry.auth.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a new file meets when it arrives, whichever path brought it: the upload policy,
 * its type from content and the state of its malware scan.
 */
@Component
class Arrivals {

	private final ContentTypes types;

	private final ObjectProvider<ScanSettings> scanning;

	private final UploadRulesService rules;

	Arrivals(ContentTypes types, ObjectProvider<ScanSettings> scanning, UploadRulesService rules) {
		this.types = types;
		this.scanning = scanning;
		this.rules = rules;
	}

	/** Refuses (422) a file the upload policy does not allow for its owner. */
	void checkPolicy(CurrentUser owner, String name, long size, UUID blobId) {
		rules.check(owner, name, size, blobId);
	}

	String detectType(UUID blobId, long size, String name, String declaredType) {
		return types.detect(blobId, size, name, declaredType);
	}

	FileRecord.Scan initialScan() {
		ScanSettings settings = scanning.getIfAvailable();
		return (settings != null && settings.scannerConfigured()) ? FileRecord.Scan.PENDING : FileRecord.Scan.SKIPPED;
	}

}
