package dev.ferry.share.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;
import dev.ferry.protect.AccessRules;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.ferry.share.transfer.TransferRepository.instant;
import static dev.ferry.share.transfer.TransferRepository.millis;

/**
 * The {@code share_links} and {@code share_download_claims} tables. Download counting is
 * one conditional UPDATE, so concurrent downloads can never take more than
 * {@code max_downloads} between them.
 */
@Repository
class ShareLinkRepository {

	private static final String COLUMNS = "id, transfer_id, created_at, expires_at, max_downloads, downloads, "
			+ "password_hash, require_email_verification, notify_on_download, revoked_at, allowed_ips, allowed_countries, "
			+ "denied_countries, captcha";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	ShareLinkRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	void insert(ShareLink link, String tokenHash) {
		jdbc.sql("INSERT INTO share_links (" + COLUMNS
				+ ", token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)")
			.params(link.id().toString(), link.transferId().toString(), millis(link.createdAt()),
					millis(link.expiresAt()), link.maxDownloads(), link.downloads(), link.passwordHash(),
					link.requireEmailVerification(), link.notifyOnDownload(),
					AccessRules.join(link.access().allowedIps()), AccessRules.join(link.access().allowedCountries()),
					AccessRules.join(link.access().deniedCountries()), link.captcha(), tokenHash)
			.update();
	}

	void updateAccess(UUID id, AccessRules access) {
		jdbc.sql("UPDATE share_links SET allowed_ips = ?, allowed_countries = ?, denied_countries = ? WHERE id = ?")
			.params(AccessRules.join(access.allowedIps()), AccessRules.join(access.allowedCountries()),
					AccessRules.join(access.deniedCountries()), id.toString())
			.update();
	}

	Optional<ShareLink> findByTokenHash(String tokenHash) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM share_links WHERE token_hash = ?")
			.param(tokenHash)
			.query(ShareLinkRepository::map)
			.optional();
	}

	Optional<ShareLink> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM share_links WHERE id = ?")
			.param(id.toString())
			.query(ShareLinkRepository::map)
			.optional();
	}

	List<ShareLink> forTransfer(UUID transferId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM share_links WHERE transfer_id = ? ORDER BY created_at, id")
			.param(transferId.toString())
			.query(ShareLinkRepository::map)
			.list();
	}

	boolean revoke(UUID id, Instant now) {
		return jdbc.sql("UPDATE share_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(millis(now), id.toString())
			.update() == 1;
	}

	/** Takes one download; false when the limit is reached. */
	boolean countDownload(UUID linkId) {
		return jdbc
			.sql("UPDATE share_links SET downloads = downloads + 1 WHERE id = ? "
					+ "AND (max_downloads IS NULL OR downloads < max_downloads)")
			.param(linkId.toString())
			.update() == 1;
	}

	/**
	 * Gives back a download {@link #countDownload} took for one that delivered nothing.
	 */
	void uncountDownload(UUID linkId) {
		jdbc.sql("UPDATE share_links SET downloads = downloads - 1 WHERE id = ? AND downloads > 0")
			.param(linkId.toString())
			.update();
	}

	/**
	 * Lets {@code sessionId} continue its counted download of file {@code item} with the
	 * bytes {@code [start, end)}: only when nothing at or after {@code start} was served
	 * under it yet. The bytes are taken at once, so two requests can never both continue
	 * from the same point; false means this is no resume and must be counted.
	 */
	boolean resume(UUID sessionId, String item, long start, long end) {
		return jdbc
			.sql("UPDATE share_download_claims SET served_to = ? WHERE session_id = ? AND item = ? AND served_to <= ?")
			.params(end, sessionId.toString(), item, start)
			.update() == 1;
	}

	/**
	 * Starts a counted download of {@code item} for {@code sessionId} that serves up to
	 * {@code end}, replacing whatever an earlier one of the session had served.
	 */
	void claim(UUID sessionId, String item, long end, Instant now) {
		jdbc.sql(dialect.upsert(
				"INSERT INTO share_download_claims (session_id, item, claimed_at, served_to) VALUES (?, ?, ?, ?)",
				new String[] { "session_id", "item" }, "claimed_at", "served_to"))
			.params(sessionId.toString(), item, millis(now), end)
			.update();
	}

	/**
	 * A body that took bytes up to {@code taken} stopped at {@code reached}: what it did
	 * not send may be resumed, unless another request took bytes meanwhile.
	 */
	void giveBack(UUID sessionId, String item, long taken, long reached) {
		jdbc.sql("UPDATE share_download_claims SET served_to = ? WHERE session_id = ? AND item = ? AND served_to = ?")
			.params(reached, sessionId.toString(), item, taken)
			.update();
	}

	private static ShareLink map(ResultSet rs, int row) throws SQLException {
		int max = rs.getInt(5);
		Integer maxDownloads = rs.wasNull() ? null : max;
		return new ShareLink(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), instant(rs, 3),
				instant(rs, 4), maxDownloads, rs.getInt(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9),
				instant(rs, 10), AccessRules.stored(rs.getString(11), rs.getString(12), rs.getString(13)),
				rs.getBoolean(14));
	}

}
