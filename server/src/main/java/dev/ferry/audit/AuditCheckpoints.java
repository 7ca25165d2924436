package dev.ferry.audit;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed anchors pruning leaves behind ({@code audit_checkpoints}). */
@Repository
class AuditCheckpoints {

	private final JdbcClient jdbc;

	AuditCheckpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Checkpoint> latest() {
		return jdbc
			.sql("SELECT through_seq, through_hash, pruned, archive, created_at, signature FROM"
					+ " audit_checkpoints ORDER BY through_seq DESC LIMIT 1")
			.query((rs, i) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getLong(5), rs.getString(6)))
			.optional();
	}

	void insert(Checkpoint checkpoint) {
		jdbc.sql("INSERT INTO audit_checkpoints (through_seq, through_hash, pruned, archive, created_at, signature)"
				+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(checkpoint.throughSeq(), checkpoint.throughHash(), checkpoint.pruned(), checkpoint.archive(),
					checkpoint.createdAt(), checkpoint.signature())
			.update();
	}

	/** The last pruned record's seq and hash, where verification starts. */
	record Checkpoint(long throughSeq, String throughHash, long pruned, String archive, long createdAt,
			String signature) {

		String signed() {
			return throughSeq + ":" + throughHash + ":" + pruned + ":" + archive + ":" + createdAt;
		}

	}

}
