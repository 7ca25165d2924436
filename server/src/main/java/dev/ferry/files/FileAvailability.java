package dev.ferry.files;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.protect.AccessGuard;
import dev.ferry.protect.AccessRules;

import org.springframework.stereotype.Component;

/**
 * Whether a file's content may go out, by its malware scan: an infected file goes to
 * nobody, not even its owner; a file still waiting for its scan only to its owner; and by
 * the owner's network rules ({@code allowed_ips}), for everyone. Every download path asks
 * here before the first byte.
 */
@Component
class FileAvailability {

	private final AuditLog audit;

	private final AccessGuard guard;

	FileAvailability(AuditLog audit, AccessGuard guard) {
		this.audit = audit;
		this.guard = guard;
	}

	void require(FileRecord file, boolean byOwner, String action) {
		if (!file.allowedIps().isEmpty()) {
			guard.check(new AccessRules(file.allowedIps(), null, null), action, "file", file.id());
		}
		ScanStatus status = file.scan().status();
		if (status == ScanStatus.INFECTED) {
			refuse(file, action, "quarantined");
			throw FileException.quarantined(file.scan().signature());
		}
		if (status == ScanStatus.PENDING && !byOwner) {
			refuse(file, action, "scan_pending");
			throw FileException.scanPending();
		}
	}

	private void refuse(FileRecord file, String action, String reason) {
		audit.record(AuditEvent.failure(action).object("file", file.id()).detail("reason", reason));
	}

}
