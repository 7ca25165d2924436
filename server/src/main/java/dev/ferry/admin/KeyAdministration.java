package dev.ferry.admin;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AccessPolicy;
import dev.ferry.auth.CurrentUser;
import dev.ferry.crypto.KeyRotation;

import org.springframework.stereotype.Service;

/** Key management for administrators: rotating the key-encryption key. */
@Service
class KeyAdministration {

	private static final String ROTATE = "keys.rotate";

	private final KeyRotation rotation;

	private final AuditLog audit;

	private final AccessPolicy access;

	KeyAdministration(KeyRotation rotation, AuditLog audit, AccessPolicy access) {
		this.rotation = rotation;
		this.audit = audit;
		this.access = access;
	}

	KeyRotation.Rotated rotate(CurrentUser user) {
		access.requireAdmin(user, ROTATE);
		try {
			KeyRotation.Rotated rotated = rotation.rotate();
			audit.record(AuditEvent.success(ROTATE)
				.object("kek", rotated.kekKeyId())
				.detail("rewrapped", rotated.resealed())
				.detail("unreadable", rotated.unreadable()));
			return rotated;
		}
		catch (RuntimeException ex) {
			audit.record(AuditEvent.failure(ROTATE).object("kek", null).detail("error", ex.getClass().getSimpleName()));
			throw ex;
		}
	}

}
