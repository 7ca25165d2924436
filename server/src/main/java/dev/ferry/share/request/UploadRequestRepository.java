package dev.ferry.share.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.share.Cursor;

import dev.ferry.protect.AccessRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import static dev.ferry.share.transfer.TransferRepository.instant;
import static dev.ferry.share.transfer.TransferRepository.millis;

/**
 * {@code upload_requests} and {@code upload_request_uploads}. Admission reserves a file
 * and its bytes with one conditional UPDATE, so parallel uploads cannot overrun the
 * request's limits.
 */
@Repository
class UploadRequestRepository {

	private static final String COLUMNS = "id, owner_id, title, message, password_hash, allowed_emails, "
			+ "allowed_types, max_files, max_total_bytes, files_reserved, bytes_reserved, expires_at, created_at, "
			+ "revoked_at, allowed_ips, allowed_countries, denied_countries, captcha";

	private final JdbcClient jdbc;

	UploadRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UploadRequest r, String tokenHash) {
		jdbc.sql("INSERT INTO upload_requests (" + COLUMNS + ", token_hash) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, NULL, ?, ?, ?, ?, ?)")
			.params(r.id().toString(), r.ownerId().toString(), r.title(), r.message(), r.passwordHash(),
					join(r.allowedEmails()), join(r.allowedTypes()), r.maxFiles(), r.maxTotalBytes(),
					millis(r.expiresAt()), millis(r.createdAt()), AccessRules.join(r.access().allowedIps()),
					AccessRules.join(r.access().allowedCountries()), AccessRules.join(r.access().deniedCountries()),
					r.captcha(), tokenHash)
			.update();
	}

	Optional<UploadRequest> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM upload_requests WHERE id = ?")
			.param(id.toString())
			.query(UploadRequestRepository::map)
			.optional();
	}

	Optional<UploadRequest> findByTokenHash(String hash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM upload_requests WHERE token_hash = ?")
			.param(hash)
			.query(UploadRequestRepository::map)
			.optional();
	}

	List<UploadRequest> page(UUID ownerId, Cursor after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM upload_requests WHERE owner_id = ?");
		List<Object> params = new ArrayList<>(List.of(ownerId.toString()));
		if (after != null) {
			sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
			params.addAll(List.of(after.millis(), after.millis(), after.id()));
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit + 1);
		return jdbc.sql(sql.toString()).params(params).query(UploadRequestRepository::map).list();
	}

	void updateAccess(UUID id, AccessRules access) {
		jdbc.sql("UPDATE upload_requests SET allowed_ips = ?, allowed_countries = ?, denied_countries = ? WHERE id = ?")
			.params(AccessRules.join(access.allowedIps()), AccessRules.join(access.allowedCountries()),
					AccessRules.join(access.deniedCountries()), id.toString())
			.update();
	}

	void updateCaptcha(UUID id, boolean captcha) {
		jdbc.sql("UPDATE upload_requests SET captcha = ? WHERE id = ?").params(captcha, id.toString()).update();
	}

	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("UPDATE upload_requests SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(millis(now), id.toString())
			.update() == 1;
	}

	/** Takes one file and {@code length} bytes of the request's allowance, if left. */
	boolean reserve(UUID id, long length) {
		return jdbc
			.sql("UPDATE upload_requests SET files_reserved = files_reserved + 1, "
					+ "bytes_reserved = bytes_reserved + ? WHERE id = ? AND files_reserved < max_files "
					+ "AND bytes_reserved + ? <= max_total_bytes")
			.params(length, id.toString(), length)
			.update() == 1;
	}

	void addUpload(UUID uploadId, UUID requestId, String name, long length, String email, Instant now) {
		jdbc.sql("INSERT INTO upload_request_uploads (upload_id, request_id, name, length, uploader_email, "
				+ "created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(uploadId.toString(), requestId.toString(), name, length, email, millis(now))
			.update();
	}

	/**
	 * Gives a refused upload's file and bytes back to its request and forgets it; the
	 * conditional delete makes a second call do nothing. One transaction: a crash between
	 * the delete and the update would keep the room reserved for good.
	 */
	@Transactional
	void withdraw(UUID uploadId) {
		Optional<Held> held = jdbc
			.sql("SELECT request_id, length FROM upload_request_uploads WHERE upload_id = ? AND completed_at IS NULL")
			.param(uploadId.toString())
			.query((rs, row) -> new Held(UUID.fromString(rs.getString(1)), rs.getLong(2)))
			.optional();
		if (held.isEmpty()
				|| jdbc.sql("DELETE FROM upload_request_uploads WHERE upload_id = ? AND completed_at IS NULL")
					.param(uploadId.toString())
					.update() == 0) {
			return;
		}
		jdbc.sql("UPDATE upload_requests SET files_reserved = files_reserved - 1, bytes_reserved = bytes_reserved - ? "
				+ "WHERE id = ?")
			.params(held.get().length(), held.get().requestId().toString())
			.update();
	}

	Optional<UUID> requestOf(UUID uploadId) {
		return jdbc.sql("SELECT request_id FROM upload_request_uploads WHERE upload_id = ?")
			.param(uploadId.toString())
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	boolean markCompleted(UUID uploadId, Instant now) {
		return jdbc
			.sql("UPDATE upload_request_uploads SET completed_at = ? WHERE upload_id = ? AND completed_at IS NULL")
			.params(millis(now), uploadId.toString())
			.update() == 1;
	}

	List<Arrival> arrivals(UUID requestId) {
		return jdbc
			.sql("SELECT upload_id, name, length, uploader_email, created_at, completed_at "
					+ "FROM upload_request_uploads WHERE request_id = ? ORDER BY created_at, upload_id")
			.param(requestId.toString())
			.query((rs, row) -> new Arrival(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getLong(3),
					rs.getString(4), instant(rs, 5), instant(rs, 6)))
			.list();
	}

	Optional<String> uploaderEmail(UUID uploadId) {
		return jdbc.sql("SELECT uploader_email FROM upload_request_uploads WHERE upload_id = ?")
			.param(uploadId.toString())
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((email) -> email);
	}

	private static String join(List<String> values) {
		return values.isEmpty() ? null : String.join("\n", values);
	}

	private static List<String> split(String value) {
		return (value == null || value.isEmpty()) ? List.of() : Arrays.asList(value.split("\n"));
	}

	private static UploadRequest map(ResultSet rs, int row) throws SQLException {
		return new UploadRequest(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(3),
				rs.getString(4), rs.getString(5), split(rs.getString(6)), split(rs.getString(7)), rs.getInt(8),
				rs.getLong(9), rs.getInt(10), rs.getLong(11), instant(rs, 12), instant(rs, 13), instant(rs, 14),
				AccessRules.stored(rs.getString(15), rs.getString(16), rs.getString(17)), rs.getBoolean(18));
	}

	private record Held(UUID requestId, long length) {
	}

	public record Arrival(UUID uploadId, String name, long length, String uploaderEmail, Instant createdAt,
			Instant completedAt) {
	}

}
