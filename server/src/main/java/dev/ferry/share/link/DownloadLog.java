package dev.ferry.share.link;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ferry.share.Cursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.ferry.share.transfer.TransferRepository.instant;
import static dev.ferry.share.transfer.TransferRepository.millis;

/**
 * {@code share_downloads}: every public download, who (verified address, IP, user agent),
 * what (one file or the ZIP), how many bytes and whether it finished.
 */
@Repository
class DownloadLog {

	private static final int MAX_AGENT = 512;

	private final JdbcClient jdbc;

	DownloadLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID started(Entry entry) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO share_downloads (id, link_id, transfer_id, file_id, kind, email, ip, user_agent, bytes, "
				+ "completed, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
			.params(id.toString(), entry.linkId().toString(), entry.transferId().toString(),
					(entry.fileId() != null) ? entry.fileId().toString() : null, entry.kind(), entry.email(),
					entry.ip(), truncate(entry.userAgent()), false, millis(entry.startedAt()))
			.update();
		return id;
	}

	void finished(UUID id, long bytes, boolean completed, Instant now) {
		jdbc.sql("UPDATE share_downloads SET bytes = ?, completed = ?, finished_at = ? WHERE id = ?")
			.params(bytes, completed, millis(now), id.toString())
			.update();
	}

	List<Activity> page(UUID transferId, Cursor after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, link_id, file_id, kind, email, ip, user_agent, bytes, "
				+ "completed, started_at, finished_at FROM share_downloads WHERE transfer_id = ?");
		List<Object> params = new ArrayList<>(List.of(transferId.toString()));
		if (after != null) {
			sql.append(" AND (started_at < ? OR (started_at = ? AND id < ?))");
			params.addAll(List.of(after.millis(), after.millis(), after.id()));
		}
		sql.append(" ORDER BY started_at DESC, id DESC LIMIT ").append(limit + 1);
		return jdbc.sql(sql.toString()).params(params).query(DownloadLog::map).list();
	}

	private static String truncate(String agent) {
		return (agent == null || agent.length() <= MAX_AGENT) ? agent : agent.substring(0, MAX_AGENT);
	}

	private static Activity map(ResultSet rs, int row) throws SQLException {
		String file = rs.getString(3);
		return new Activity(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
				(file != null) ? UUID.fromString(file) : null, rs.getString(4), rs.getString(5), rs.getString(6),
				rs.getString(7), rs.getLong(8), rs.getBoolean(9), instant(rs, 10), instant(rs, 11));
	}

	record Entry(UUID linkId, UUID transferId, UUID fileId, String kind, String email, String ip, String userAgent,
			Instant startedAt) {
	}

	record Activity(UUID id, UUID linkId, UUID fileId, String kind, String email, String ip, String userAgent,
			long bytes, boolean completed, Instant startedAt, Instant finishedAt) {
	}

}
