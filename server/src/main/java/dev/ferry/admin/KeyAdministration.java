package dev.ferry.admin;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.crypto.KeyRotation;

import org.springframework.stereotype.Service;

/** Key management for administrators: rotating the key-encryption key. */
@Service
class KeyAdministration {

	private static final String ROTATE = "keys.rotate";

	private final KeyRotation rotation;

	private final AuditLog audit;

	KeyAdministration(KeyRotation rotation, AuditLog audit) {
		this.rotation = rotation;
		this.audit = audit;
	}

	KeyRotation.Rotated rotate(CurrentUser user) {
		if (user == null || !user.isAdmin()) {
			audit.record(AuditEvent.denied(ROTATE).object("kek", null));
			throw AdminException.notAdmin();
		}
		try {
			KeyRotation.Rotated rotated = rotation.rotate();
			audit.record(AuditEvent.success(ROTATE)
				.object("kek", rotated.kekKeyId())
				.detail("rewrapped", rotated.resealed()));
			return rotated;
		}
		catch (RuntimeException ex) {
			audit.record(AuditEvent.failure(ROTATE).object("kek", null).detail("error", ex.getClass().getSimpleName()));
			throw ex;
		}
	}

}
