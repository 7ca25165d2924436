package dev.ferry.auth.device;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ferry.auth.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pending device sign-ins, found by the hash of either code. */
@Repository
class DeviceRepository {

	private static final String COLUMNS = "id, client_name, scopes, ip, user_agent, created_at, expires_at, "
			+ "interval_ms, last_polled_at, status, user_id, decided_at";

	private final JdbcClient jdbc;

	DeviceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DeviceAuthorization authorization, String deviceCodeHash, String userCodeHash) {
		jdbc.sql("""
				INSERT INTO device_authorizations (id, device_code_hash, user_code_hash, client_name, scopes, ip,
				  user_agent, created_at, expires_at, interval_ms, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(authorization.id().toString(), deviceCodeHash, userCodeHash, authorization.clientName(),
					names(authorization.scopes()), authorization.ip(), authorization.userAgent(),
					authorization.createdAt().toEpochMilli(), authorization.expiresAt().toEpochMilli(),
					authorization.interval().toMillis(), Status.PENDING.dbName())
			.update();
	}

	Optional<DeviceAuthorization> findByDeviceCode(String hash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM device_authorizations WHERE device_code_hash = ?")
			.param(hash)
			.query(DeviceRepository::row)
			.optional();
	}

	/** A code the user may still decide on: pending and not expired. */
	Optional<DeviceAuthorization> findPendingByUserCode(String hash, Instant now) {
		return jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM device_authorizations WHERE user_code_hash = ? AND status = ? AND expires_at > ?")
			.params(hash, Status.PENDING.dbName(), now.toEpochMilli())
			.query(DeviceRepository::row)
			.optional();
	}

	/**
	 * Settles a pending code once; false when it was decided, spent or expired meanwhile.
	 */
	boolean decide(UUID id, Status status, UUID userId, Set<Scope> scopes, Instant now) {
		return jdbc.sql("""
				UPDATE device_authorizations SET status = ?, user_id = ?, scopes = ?, decided_at = ?
				WHERE id = ? AND status = ? AND expires_at > ?""")
			.params(status.dbName(), userId.toString(), names(scopes), now.toEpochMilli(), id.toString(),
					Status.PENDING.dbName(), now.toEpochMilli())
			.update() == 1;
	}

	/** Records a poll and, for one that came too early, the longer interval. */
	void polled(UUID id, Instant now, Duration interval) {
		jdbc.sql("UPDATE device_authorizations SET last_polled_at = ?, interval_ms = ? WHERE id = ?")
			.params(now.toEpochMilli(), interval.toMillis(), id.toString())
			.update();
	}

	/**
	 * Deletes a sign-in in the given state; false when another request did first, which
	 * is what makes a device code spendable once.
	 */
	boolean delete(UUID id, Status status) {
		return jdbc.sql("DELETE FROM device_authorizations WHERE id = ? AND status = ?")
			.params(id.toString(), status.dbName())
			.update() == 1;
	}

	int deleteExpiredBefore(Instant cutoff) {
		return jdbc.sql("DELETE FROM device_authorizations WHERE expires_at < ?").param(cutoff.toEpochMilli()).update();
	}

	private static String names(Set<Scope> scopes) {
		return String.join(" ", Scope.apiNames(scopes));
	}

	private static DeviceAuthorization row(ResultSet rs, int row) throws SQLException {
		long polled = rs.getLong("last_polled_at");
		Instant lastPolledAt = rs.wasNull() ? null : Instant.ofEpochMilli(polled);
		String userId = rs.getString("user_id");
		long decided = rs.getLong("decided_at");
		Instant decidedAt = rs.wasNull() ? null : Instant.ofEpochMilli(decided);
		return new DeviceAuthorization(UUID.fromString(rs.getString("id")), rs.getString("client_name"),
				Scope.of(List.of(rs.getString("scopes").split(" "))), rs.getString("ip"), rs.getString("user_agent"),
				Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")),
				Duration.ofMillis(rs.getLong("interval_ms")), lastPolledAt, Status.of(rs.getString("status")),
				(userId != null) ? UUID.fromString(userId) : null, decidedAt);
	}

	enum Status {

		PENDING, APPROVED, DENIED;

		String dbName() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static Status of(String dbName) {
			return valueOf(dbName.toUpperCase(java.util.Locale.ROOT));
		}

	}

	/**
	 * One device sign-in; {@code userId} is who approved or denied it, at
	 * {@code decidedAt}.
	 */
	record DeviceAuthorization(UUID id, String clientName, Set<Scope> scopes, String ip, String userAgent,
			Instant createdAt, Instant expiresAt, Duration interval, Instant lastPolledAt, Status status, UUID userId,
			Instant decidedAt) {

		boolean expired(Instant now) {
			return !expiresAt.isAfter(now);
		}

		/** Whether this poll came before the interval the client was told to wait. */
		boolean tooEarly(Instant now) {
			return lastPolledAt != null && lastPolledAt.plus(interval).isAfter(now);
		}

	}

}
