package dev.ferry.share.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.i18n.Languages;
import dev.ferry.share.Cursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code transfers}, {@code transfer_files}, {@code transfer_recipients}. */
@Repository
public class TransferRepository {

	private static final String COLUMNS = "id, owner_id, title, message, status, expires_at, show_sender_email, "
			+ "notify_sender, delete_files_on_expiry, created_at, updated_at, first_download_at, ended_at, purged_at";

	private final JdbcClient jdbc;

	public TransferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code versions}: the files pinned to a version; the others follow the latest. */
	public void insert(Transfer t, List<UUID> fileIds, Map<UUID, Integer> versions, List<String> recipients) {
		jdbc.sql("INSERT INTO transfers (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")
			.params(t.id().toString(), t.ownerId().toString(), t.title(), t.message(), t.status().apiName(),
					millis(t.expiresAt()), t.showSenderEmail(), t.notifySender(), t.deleteFilesOnExpiry(),
					millis(t.createdAt()), millis(t.updatedAt()))
			.update();
		for (int i = 0; i < fileIds.size(); i++) {
			jdbc.sql("INSERT INTO transfer_files (transfer_id, file_id, position, version) VALUES (?, ?, ?, ?)")
				.params(t.id().toString(), fileIds.get(i).toString(), i, versions.get(fileIds.get(i)))
				.update();
		}
		replaceRecipients(t.id(), recipients);
	}

	public Optional<Transfer> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM transfers WHERE id = ?")
			.param(id.toString())
			.query(TransferRepository::map)
			.optional();
	}

	Optional<Transfer> findOwned(UUID id, UUID ownerId) {
		return find(id).filter((t) -> t.ownerId().equals(ownerId));
	}

	/**
	 * One page plus one row, newest first; {@code status} filters as the API shows it.
	 */
	List<Transfer> page(UUID ownerId, Transfer.Status status, Instant now, Cursor after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM transfers WHERE owner_id = ?");
		List<Object> params = new ArrayList<>(List.of(ownerId.toString()));
		if (status == Transfer.Status.ACTIVE) {
			sql.append(" AND status = 'active' AND expires_at > ?");
			params.add(millis(now));
		}
		else if (status == Transfer.Status.EXPIRED) {
			sql.append(" AND (status = 'expired' OR (status = 'active' AND expires_at <= ?))");
			params.add(millis(now));
		}
		else if (status == Transfer.Status.REVOKED) {
			sql.append(" AND status = 'revoked'");
		}
		if (after != null) {
			sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
			params.addAll(List.of(after.millis(), after.millis(), after.id()));
		}
		sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit + 1);
		return jdbc.sql(sql.toString()).params(params).query(TransferRepository::map).list();
	}

	public List<UUID> fileIds(UUID transferId) {
		return jdbc.sql("SELECT file_id FROM transfer_files WHERE transfer_id = ? ORDER BY position")
			.param(transferId.toString())
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	/** The transfer's files in order, each with its pinned version (null: the latest). */
	public List<Entry> files(UUID transferId) {
		return jdbc.sql("SELECT file_id, version FROM transfer_files WHERE transfer_id = ? ORDER BY position")
			.param(transferId.toString())
			.query(TransferRepository::entry)
			.list();
	}

	/** The file's entry in the transfer, if it belongs to it. */
	public Optional<Entry> file(UUID transferId, UUID fileId) {
		return jdbc.sql("SELECT file_id, version FROM transfer_files WHERE transfer_id = ? AND file_id = ?")
			.params(transferId.toString(), fileId.toString())
			.query(TransferRepository::entry)
			.optional();
	}

	public boolean containsFile(UUID transferId, UUID fileId) {
		return jdbc.sql("SELECT COUNT(*) FROM transfer_files WHERE transfer_id = ? AND file_id = ?")
			.params(transferId.toString(), fileId.toString())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether a transfer that has not ended sends this file: another one, or an ended one
	 * its owner reopened since.
	 */
	public boolean inLiveTransfer(UUID fileId, Instant now) {
		return jdbc
			.sql("SELECT COUNT(*) FROM transfer_files f JOIN transfers t ON t.id = f.transfer_id "
					+ "WHERE f.file_id = ? AND t.status = 'active' AND t.expires_at > ?")
			.params(fileId.toString(), millis(now))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * False, changing nothing, once purged or changed since {@code read}: a change read
	 * before another (a revocation, an edit) must not undo it.
	 */
	boolean update(Transfer t, Transfer read) {
		return jdbc
			.sql("UPDATE transfers SET title = ?, message = ?, status = ?, expires_at = ?, show_sender_email = ?, "
					+ "notify_sender = ?, updated_at = ?, ended_at = ? WHERE id = ? AND purged_at IS NULL AND status = ? "
					+ "AND updated_at = ?")
			.params(t.title(), t.message(), t.status().apiName(), millis(t.expiresAt()), t.showSenderEmail(),
					t.notifySender(), millis(t.updatedAt()), millis(t.endedAt()), t.id().toString(),
					read.status().apiName(), millis(read.updatedAt()))
			.update() == 1;
	}

	/** Deletes the transfer with its files, recipients and links. */
	void delete(UUID id) {
		jdbc.sql("DELETE FROM transfers WHERE id = ?").param(id.toString()).update();
	}

	/** Revokes it, keeping what a concurrent change wrote; false if already revoked. */
	boolean revoke(UUID id, Instant now) {
		return jdbc
			.sql("UPDATE transfers SET status = 'revoked', updated_at = ?, ended_at = ? "
					+ "WHERE id = ? AND purged_at IS NULL AND status <> 'revoked'")
			.params(millis(now), millis(now), id.toString())
			.update() == 1;
	}

	/** Active transfers whose time is up, to be marked expired by the sweeper. */
	public List<Transfer> dueToExpire(Instant now, int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM transfers WHERE status = 'active' AND expires_at <= ? "
					+ "ORDER BY expires_at LIMIT " + limit)
			.param(millis(now))
			.query(TransferRepository::map)
			.list();
	}

	/** Conditional, so on several nodes only one marks (and audits) the expiry. */
	public boolean markExpired(UUID id, Instant now) {
		return jdbc
			.sql("UPDATE transfers SET status = 'expired', ended_at = ?, updated_at = ? "
					+ "WHERE id = ? AND status = 'active' AND expires_at <= ?")
			.params(millis(now), millis(now), id.toString(), millis(now))
			.update() == 1;
	}

	public List<Transfer> duePurge(int limit) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM transfers WHERE status IN ('expired', 'revoked') AND purged_at IS NULL "
					+ "ORDER BY ended_at LIMIT " + limit)
			.query(TransferRepository::map)
			.list();
	}

	/** Only while it has ended: a transfer reopened during its purge is not marked. */
	public boolean markPurged(UUID id, Instant now) {
		return jdbc
			.sql("UPDATE transfers SET purged_at = ? WHERE id = ? AND purged_at IS NULL "
					+ "AND status IN ('expired', 'revoked')")
			.params(millis(now), id.toString())
			.update() == 1;
	}

	/** True for the one call that records the first download. */
	public boolean markFirstDownload(UUID id, Instant now) {
		return jdbc.sql("UPDATE transfers SET first_download_at = ? WHERE id = ? AND first_download_at IS NULL")
			.params(millis(now), id.toString())
			.update() == 1;
	}

	void replaceRecipients(UUID transferId, List<String> emails) {
		List<String> current = recipients(transferId).stream().map(Recipient::email).toList();
		for (String email : current) {
			if (!emails.contains(email)) {
				jdbc.sql("DELETE FROM transfer_recipients WHERE transfer_id = ? AND email = ?")
					.params(transferId.toString(), email)
					.update();
			}
		}
		for (String email : emails) {
			if (!current.contains(email)) {
				jdbc.sql("INSERT INTO transfer_recipients (id, transfer_id, email) VALUES (?, ?, ?)")
					.params(UUID.randomUUID().toString(), transferId.toString(), email)
					.update();
			}
		}
	}

	public List<Recipient> recipients(UUID transferId) {
		return jdbc
			.sql("SELECT email, notified_at, verified_at, downloaded_at FROM transfer_recipients "
					+ "WHERE transfer_id = ? ORDER BY email")
			.param(transferId.toString())
			.query((rs, row) -> new Recipient(rs.getString(1), instant(rs, 2), instant(rs, 3), instant(rs, 4)))
			.list();
	}

	/** The language the sender chose for the transfer's recipients (null: none). */
	void setRecipientLocale(UUID transferId, Locale locale) {
		jdbc.sql("UPDATE transfer_recipients SET locale = ? WHERE transfer_id = ?")
			.params((locale != null) ? locale.toLanguageTag() : null, transferId.toString())
			.update();
	}

	/**
	 * The languages the sender chose, by recipient address; recipients without one
	 * absent.
	 */
	public Map<String, Locale> recipientLocales(UUID transferId) {
		Map<String, Locale> locales = new HashMap<>();
		jdbc.sql("SELECT email, locale FROM transfer_recipients WHERE transfer_id = ? AND locale IS NOT NULL")
			.param(transferId.toString())
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach((row) -> Languages.shipped(row.getValue())
				.ifPresent((locale) -> locales.put(row.getKey(), locale)));
		return locales;
	}

	public boolean isRecipient(UUID transferId, String email) {
		return jdbc.sql("SELECT COUNT(*) FROM transfer_recipients WHERE transfer_id = ? AND email = ?")
			.params(transferId.toString(), email)
			.query(Long.class)
			.single() > 0;
	}

	/** Sets {@code column} (a fixed name, never input) where it is still empty. */
	public void markRecipients(UUID transferId, String column, String email, Instant now) {
		if (!List.of("notified_at", "verified_at", "downloaded_at").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		String where = (email != null) ? " AND email = ?" : "";
		List<Object> params = new ArrayList<>(List.of(millis(now), transferId.toString()));
		if (email != null) {
			params.add(email);
		}
		jdbc.sql("UPDATE transfer_recipients SET " + column + " = ? WHERE transfer_id = ?" + where + " AND " + column
				+ " IS NULL")
			.params(params)
			.update();
	}

	public static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	public static Instant instant(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Instant.ofEpochMilli(value);
	}

	private static Entry entry(ResultSet rs, int row) throws SQLException {
		int number = rs.getInt(2);
		Integer version = rs.wasNull() ? null : number;
		return new Entry(UUID.fromString(rs.getString(1)), version);
	}

	private static Transfer map(ResultSet rs, int row) throws SQLException {
		return new Transfer(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getString(3),
				rs.getString(4), Transfer.Status.of(rs.getString(5)), instant(rs, 6), rs.getBoolean(7),
				rs.getBoolean(8), rs.getBoolean(9), instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13),
				instant(rs, 14));
	}

	/** A file of a transfer and the version it is pinned to (null: the latest). */
	public record Entry(UUID fileId, Integer version) {
	}

	public record Recipient(String email, Instant notifiedAt, Instant verifiedAt, Instant downloadedAt) {
	}

}
