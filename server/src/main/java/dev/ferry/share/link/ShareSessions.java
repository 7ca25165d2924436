package dev.ferry.share.link;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.crypto.SecureTokens;
import dev.ferry.share.ShareProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Short-lived visitor credentials ({@code share_sessions}), opaque and stored as SHA-256
 * only: proof that a visitor gave a link's password or verified an address, for a share
 * link ({@code subject_type = link}) or an upload request ({@code request}).
 */
@Repository
public class ShareSessions {

	static final String PREFIX = "fss_";

	private final JdbcClient jdbc;

	private final ShareProperties properties;

	private final Clock clock;

	ShareSessions(JdbcClient jdbc, ShareProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	public Issued issue(String subjectType, UUID subjectId, String email) {
		String token = SecureTokens.generate(PREFIX);
		Instant now = clock.instant();
		Instant expires = now.plus(properties.sessionTtl());
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO share_sessions (id, token_hash, subject_type, subject_id, email, created_at, expires_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id.toString(), SecureTokens.hash(token), subjectType, subjectId.toString(), email,
					now.toEpochMilli(), expires.toEpochMilli())
			.update();
		return new Issued(new Session(id, subjectType, subjectId, email, expires), token);
	}

	/** The live session for this token, if it belongs to that subject. */
	public Optional<Session> find(String token, String subjectType, UUID subjectId) {
		return find(token).filter((s) -> s.subjectType().equals(subjectType) && s.subjectId().equals(subjectId));
	}

	/** The live session for this token, whatever it is for. */
	public Optional<Session> find(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, subject_type, subject_id, email, expires_at FROM share_sessions WHERE token_hash = ?")
			.param(SecureTokens.hash(token))
			.query((rs, row) -> new Session(UUID.fromString(rs.getString(1)), rs.getString(2),
					UUID.fromString(rs.getString(3)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
			.optional()
			.filter((s) -> clock.instant().isBefore(s.expiresAt()));
	}

	/** The live session with this id, as a download ticket names it. */
	Optional<Session> findById(UUID id) {
		return jdbc.sql("SELECT id, subject_type, subject_id, email, expires_at FROM share_sessions WHERE id = ?")
			.param(id.toString())
			.query((rs, row) -> new Session(UUID.fromString(rs.getString(1)), rs.getString(2),
					UUID.fromString(rs.getString(3)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
			.optional()
			.filter((s) -> clock.instant().isBefore(s.expiresAt()));
	}

	int deleteExpired(Instant now) {
		jdbc.sql("DELETE FROM share_download_claims WHERE session_id IN "
				+ "(SELECT id FROM share_sessions WHERE expires_at <= ?)")
			.param(now.toEpochMilli())
			.update();
		return jdbc.sql("DELETE FROM share_sessions WHERE expires_at <= ?").param(now.toEpochMilli()).update();
	}

	public record Session(UUID id, String subjectType, UUID subjectId, String email, Instant expiresAt) {
	}

	public record Issued(Session session, String token) {
	}

}
