package dev.ferry.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of {@code files}. {@code allowedIps} are the owner's networks (CIDR) the file
 * may be downloaded from, empty for anywhere; {@code piiFlags} the kinds of personal data
 * found in the current content (empty: none found, or not scanned yet).
 */
record FileRecord(UUID id, UUID ownerId, String folder, String name, String contentType, String declaredType, long size,
		String sha256, UUID blobId, Instant createdAt, Instant modifiedAt, Scan scan, List<String> allowedIps,
		List<String> piiFlags) {

	FileRecord {
		allowedIps = (allowedIps != null) ? List.copyOf(allowedIps) : List.of();
		piiFlags = (piiFlags != null) ? List.copyOf(piiFlags) : List.of();
	}

	/** New content: nothing is known about personal data in it yet. */
	FileRecord(UUID id, UUID ownerId, String folder, String name, String contentType, String declaredType, long size,
			String sha256, UUID blobId, Instant createdAt, Instant modifiedAt, Scan scan, List<String> allowedIps) {
		this(id, ownerId, folder, name, contentType, declaredType, size, sha256, blobId, createdAt, modifiedAt, scan,
				allowedIps, List.of());
	}

	/** A file without network rules. */
	FileRecord(UUID id, UUID ownerId, String folder, String name, String contentType, String declaredType, long size,
			String sha256, UUID blobId, Instant createdAt, Instant modifiedAt, Scan scan) {
		this(id, ownerId, folder, name, contentType, declaredType, size, sha256, blobId, createdAt, modifiedAt, scan,
				List.of());
	}

	/** A file nobody scanned (no scanner configured). */
	FileRecord(UUID id, UUID ownerId, String folder, String name, String contentType, String declaredType, long size,
			String sha256, UUID blobId, Instant createdAt, Instant modifiedAt) {
		this(id, ownerId, folder, name, contentType, declaredType, size, sha256, blobId, createdAt, modifiedAt,
				Scan.SKIPPED);
	}

	String path() {
		return FilePaths.join(folder, name);
	}

	FileCatalog.StoredFile stored() {
		return new FileCatalog.StoredFile(id, folder, name, contentType, size, sha256);
	}

	FileRecord withScan(Scan newScan) {
		return new FileRecord(id, ownerId, folder, name, contentType, declaredType, size, sha256, blobId, createdAt,
				modifiedAt, newScan, allowedIps, piiFlags);
	}

	/**
	 * The malware scan's state; {@code signature} names what an infected file carries.
	 */
	record Scan(ScanStatus status, String signature) {

		static final Scan SKIPPED = new Scan(ScanStatus.SKIPPED, null);

		static final Scan PENDING = new Scan(ScanStatus.PENDING, null);

	}

}
