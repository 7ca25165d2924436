package dev.ferry.files;

import java.util.List;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;
import dev.ferry.protect.AccessRules;
import dev.ferry.protect.AccessRulesChange;
import dev.ferry.protect.AccessGuard;

import org.springframework.stereotype.Service;

/**
 * The owner's network rules on a file: {@code allowed_ips} (CIDR) limits where it may be
 * downloaded from, by anyone (the owner, a share link's visitor, a grantee), checked by
 * {@link FileAvailability} before the first byte.
 */
@Service
class FileRestrictions {

	private final FileService service;

	private final FileRepository files;

	private final AccessGuard guard;

	private final AccessPolicy access;

	private final AuditLog audit;

	FileRestrictions(FileService service, FileRepository files, AccessGuard guard, AccessPolicy access,
			AuditLog audit) {
		this.service = service;
		this.files = files;
		this.guard = guard;
		this.access = access;
		this.audit = audit;
	}

	/** The networks as they would be stored, or the 400 naming a bad entry. */
	AccessRules check(List<String> allowedIps) {
		return guard.rules(AccessRules.NONE, new AccessRulesChange(allowedIps, null, null));
	}

	/** Replaces the file's networks ({@link #check checked}; none: anywhere). */
	FileRecord restrict(CurrentUser owner, String id, AccessRules rules) {
		access.requireScope(owner, Scope.WRITE, "file.restricted");
		FileRecord file = service.find(owner, id, "file.restricted");
		files.restrict(file.id(), rules.allowedIps());
		audit.record(AuditEvent.success("file.restricted")
			.object("file", file.id())
			.detail("allowed_ips", AccessRules.join(rules.allowedIps())));
		return files.findOwned(file.id(), owner.userId()).orElseThrow(FileException::notFound);
	}

}
