package dev.ferry.gdpr;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.storage.BlobReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExportRepository implements BlobReferences {

	private static final String COLUMNS = "id, user_id, status, requested_at, finished_at, blob_id, size, expires_at";

	/** The build that claimed the request at this instant still holds it. */
	private static final String OWN_CLAIM = " AND status = 'building' AND claimed_at = ?";

	private final JdbcClient jdbc;

	ExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, Instant now) {
		jdbc.sql("INSERT INTO gdpr_exports (id, user_id, status, requested_at) VALUES (?, ?, 'pending', ?)")
			.params(id.toString(), userId.toString(), now.toEpochMilli())
			.update();
	}

	/**
	 * The account's newest request still waiting or being built, if any. Two requests
	 * sent at once can both be recorded (the check and the insert are two statements);
	 * both are built, and neither makes this fail.
	 */
	Optional<ExportRequest> open(UUID userId) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM gdpr_exports WHERE user_id = ? AND status IN ('pending', 'building') "
					+ "ORDER BY requested_at DESC LIMIT 1")
			.param(userId.toString())
			.query(ExportRepository::map)
			.optional();
	}

	List<ExportRequest> ofUser(UUID userId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM gdpr_exports WHERE user_id = ? ORDER BY requested_at DESC")
			.param(userId.toString())
			.query(ExportRepository::map)
			.list();
	}

	/**
	 * Claims the oldest waiting request, or one whose builder stopped (a crash or restart
	 * mid-build) longer than {@code stale} ago. The conditional UPDATE lets one node win.
	 */
	Optional<ExportRequest> claim(Instant now, Duration stale) {
		long staleBefore = now.minus(stale).toEpochMilli();
		List<ExportRequest> due = jdbc
			.sql("SELECT " + COLUMNS + " FROM gdpr_exports WHERE status = 'pending'"
					+ " OR (status = 'building' AND claimed_at < ?) ORDER BY requested_at LIMIT 5")
			.param(staleBefore)
			.query(ExportRepository::map)
			.list();
		for (ExportRequest request : due) {
			int won = jdbc
				.sql("UPDATE gdpr_exports SET status = 'building', claimed_at = ? WHERE id = ? AND"
						+ " (status = 'pending' OR (status = 'building' AND claimed_at < ?))")
				.params(now.toEpochMilli(), request.id().toString(), staleBefore)
				.update();
			if (won == 1) {
				return Optional.of(request);
			}
		}
		return Optional.empty();
	}

	/**
	 * Puts a request whose build was stopped back in the queue, claimable at once; not
	 * once another node claimed it again (this build had gone stale).
	 */
	boolean release(UUID id, Instant claimedAt) {
		return jdbc
			.sql("UPDATE gdpr_exports SET status = 'pending', claimed_at = NULL WHERE id = ? AND status = 'building' "
					+ "AND claimed_at = ?")
			.params(id.toString(), claimedAt.toEpochMilli())
			.update() == 1;
	}

	/**
	 * False when the request is gone (its account was erased meanwhile) or is no longer
	 * this build's: it went stale and another node claimed it again.
	 */
	boolean ready(UUID id, Instant claimedAt, UUID blobId, long size, String tokenHash, Instant now,
			Instant expiresAt) {
		return jdbc
			.sql("UPDATE gdpr_exports SET status = 'ready', blob_id = ?, size = ?, token_hash = ?, finished_at = ?,"
					+ " expires_at = ? WHERE id = ?" + OWN_CLAIM)
			.params(blobId.toString(), size, tokenHash, now.toEpochMilli(), expiresAt.toEpochMilli(), id.toString(),
					claimedAt.toEpochMilli())
			.update() == 1;
	}

	/** Marks the export failed; false as for {@link #ready}. */
	boolean failed(UUID id, Instant claimedAt, String reason, Instant now) {
		return jdbc
			.sql("UPDATE gdpr_exports SET status = 'failed', failure = ?, finished_at = ? WHERE id = ?" + OWN_CLAIM)
			.params(reason, now.toEpochMilli(), id.toString(), claimedAt.toEpochMilli())
			.update() == 1;
	}

	Optional<ExportRequest> readyByToken(String tokenHash, Instant now) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM gdpr_exports WHERE token_hash = ? AND status = 'ready' AND expires_at > ?")
			.params(tokenHash, now.toEpochMilli())
			.query(ExportRepository::map)
			.optional();
	}

	List<ExportRequest> expired(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM gdpr_exports WHERE status = 'ready' AND expires_at <= ?")
			.param(now.toEpochMilli())
			.query(ExportRepository::map)
			.list();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM gdpr_exports WHERE id = ?").param(id.toString()).update();
	}

	private static ExportRequest map(ResultSet rs, int row) throws SQLException {
		String blob = rs.getString("blob_id");
		long size = rs.getLong("size");
		Long sizeOrNull = rs.wasNull() ? null : size;
		return new ExportRequest(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				ExportRequest.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
				Instant.ofEpochMilli(rs.getLong("requested_at")), instant(rs, "finished_at"),
				(blob != null) ? UUID.fromString(blob) : null, sizeOrNull, instant(rs, "expires_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		long millis = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	@Override
	public Set<UUID> referencedAmong(Collection<UUID> blobIds) {
		return BlobReferences.select(jdbc, "SELECT blob_id FROM gdpr_exports WHERE blob_id IN (:ids)", blobIds);
	}

}
