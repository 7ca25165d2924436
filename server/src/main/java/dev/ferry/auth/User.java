package dev.ferry.auth;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.audit.AuditActor;

/**
 * An account. {@code passwordHash} is null for accounts that only sign in through SSO.
 */
public record User(UUID id, String email, String name, String passwordHash, Role role, UserStatus status,
		Long quotaBytes, Instant createdAt, Instant updatedAt) {

	public boolean isActive() {
		return status == UserStatus.ACTIVE;
	}

	/** An administrator who is not suspended: one who may act as one now. */
	public boolean isActiveAdmin() {
		return role == Role.ADMIN && isActive();
	}

	/** The same account with another stored password hash. */
	public User withPasswordHash(String hash) {
		return new User(id, email, name, hash, role, status, quotaBytes, createdAt, updatedAt);
	}

	/**
	 * How the audit trail names this account when it acts without a request principal.
	 */
	public AuditActor auditActor() {
		return new AuditActor("user", id.toString(), email);
	}

}
