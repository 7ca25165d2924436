package dev.ferry.auth.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ferry.auth.Role;

@Repository
class InvitationRepository {

	private final JdbcClient jdbc;

	InvitationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Invitation invitation, String tokenHash) {
		jdbc.sql("""
				INSERT INTO invitations (id, token_hash, email, role, invited_by, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(invitation.id().toString(), tokenHash, invitation.email(), invitation.role().name(),
					invitation.invitedBy().toString(), invitation.createdAt().toEpochMilli(),
					invitation.expiresAt().toEpochMilli())
			.update();
	}

	Optional<Invitation> findByTokenHash(String tokenHash) {
		return jdbc.sql("""
				SELECT id, email, role, invited_by, created_at, expires_at, accepted_at
				FROM invitations WHERE token_hash = ?""").param(tokenHash).query((rs, i) -> {
			String invitedBy = rs.getString("invited_by");
			long accepted = rs.getLong("accepted_at");
			boolean pending = rs.wasNull();
			return new Invitation(UUID.fromString(rs.getString("id")), rs.getString("email"),
					Role.valueOf(rs.getString("role")), (invitedBy != null) ? UUID.fromString(invitedBy) : null,
					Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
					pending ? null : Instant.ofEpochMilli(accepted));
		}).optional();
	}

	/**
	 * Marks the invitation used if it still is usable; false when it expired or another
	 * request used it first.
	 */
	boolean claim(UUID id, Instant now) {
		return jdbc
			.sql("UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND expires_at > ?")
			.params(now.toEpochMilli(), id.toString(), now.toEpochMilli())
			.update() == 1;
	}

	/** Gives back a claim whose account could not be created after all. */
	void release(UUID id) {
		jdbc.sql("UPDATE invitations SET accepted_at = NULL WHERE id = ? AND accepted_by IS NULL")
			.param(id.toString())
			.update();
	}

	void recordAcceptedBy(UUID id, UUID userId) {
		jdbc.sql("UPDATE invitations SET accepted_by = ? WHERE id = ?")
			.params(userId.toString(), id.toString())
			.update();
	}

	record Invitation(UUID id, String email, Role role, UUID invitedBy, Instant createdAt, Instant expiresAt,
			Instant acceptedAt) {
	}

}
