package dev.ferry.files;

import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.storage.BlobDeduplication;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What a new file meets when it arrives, whichever path brought it: the upload policy,
 * its type from content, the state of its malware scan and deduplication against the
 * content its owner already has.
 */
@Component
class Arrivals {

	private final ContentTypes types;

	private final ObjectProvider<ScanSettings> scanning;

	private final UploadRulesService rules;

	private final BlobDeduplication dedup;

	Arrivals(ContentTypes types, ObjectProvider<ScanSettings> scanning, UploadRulesService rules,
			BlobDeduplication dedup) {
		this.types = types;
		this.scanning = scanning;
		this.rules = rules;
		this.dedup = dedup;
	}

	Optional<String> contentKey(CurrentUser owner, String sha256) {
		return dedup.contentKey(owner.userId(), sha256);
	}

	/** The blob the new file refers to; in the transaction that stores the reference. */
	UUID deduplicate(UUID blobId, String contentKey) {
		return dedup.deduplicate(blobId, contentKey);
	}

	/** Refuses (422) a file the upload policy does not allow for its owner. */
	void checkPolicy(CurrentUser owner, String name, long size, UUID blobId) {
		rules.check(owner, name, size, blobId);
	}

	String detectType(UUID blobId, long size, String name, String declaredType) {
		return types.detect(blobId, size, name, declaredType);
	}

	String contentType(UUID blobId, long size) {
		return types.detectContent(types.head(blobId, size));
	}

	FileRecord.Scan initialScan() {
		ScanSettings settings = scanning.getIfAvailable();
		return (settings != null && settings.scannerConfigured()) ? FileRecord.Scan.PENDING : FileRecord.Scan.SKIPPED;
	}

}
