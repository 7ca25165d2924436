package dev.ferry.share.link;

import java.time.Instant;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.share.AgedDownloads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class DownloadLogRetention implements AgedDownloads {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	DownloadLogRetention(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public long countStartedBefore(Instant cutoff) {
		return jdbc.sql("SELECT COUNT(*) FROM share_downloads WHERE started_at < ?")
			.param(cutoff.toEpochMilli())
			.query(Long.class)
			.single();
	}

	@Override
	public long deleteStartedBefore(Instant cutoff) {
		int deleted = jdbc.sql("DELETE FROM share_downloads WHERE started_at < ?")
			.param(cutoff.toEpochMilli())
			.update();
		if (deleted > 0) {
			audit.record(AuditEvent.success("share.downloads_pruned")
				.detail("count", deleted)
				.detail("cutoff", cutoff.toString())
				.detail("reason", "retention"));
		}
		return deleted;
	}

}
