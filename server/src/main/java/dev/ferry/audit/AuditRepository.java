package dev.ferry.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the next sequence number. The UPDATE takes the row lock (PostgreSQL,
	 * MariaDB) or the database write lock (SQLite) first, so concurrent writers on any
	 * node append one after another and the chain never forks.
	 */
	Head advanceHead() {
		jdbc.sql("UPDATE audit_head SET seq = seq + 1 WHERE id = 1").update();
		return head();
	}

	/** The last appended record's seq and hash, as committed, and their signature. */
	Head head() {
		return jdbc.sql("SELECT seq, hash, signature FROM audit_head WHERE id = 1")
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	/** Signs a head left unsigned (by a server from before heads were signed). */
	void signHead(Head head, String signature) {
		jdbc.sql("UPDATE audit_head SET signature = ? WHERE id = 1 AND seq = ? AND hash = ? AND signature IS NULL")
			.params(signature, head.seq(), head.hash())
			.update();
	}

	/** Appends {@code r} and moves the head to it, with the head's new signature. */
	void append(AuditRecord r, String headSignature) {
		jdbc.sql("""
				INSERT INTO audit_log (seq, id, occurred_at, actor_type, actor_id, actor_label, action,
				  object_type, object_id, outcome, ip, user_agent, request_id, details, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.seq(), r.id(), r.occurredAt(), r.actorType(), r.actorId(), r.actorLabel(), r.action(),
					r.objectType(), r.objectId(), r.outcome(), r.ip(), r.userAgent(), r.requestId(), r.details(),
					r.prevHash(), r.hash())
			.update();
		jdbc.sql("UPDATE audit_head SET hash = ?, signature = ? WHERE id = 1").params(r.hash(), headSignature).update();
	}

	/** The first seq whose personal fields are hashed through commitments. */
	long commitFrom() {
		return jdbc.sql("SELECT commit_from FROM audit_chain_format WHERE id = 1").query(Long.class).single();
	}

	record Head(long seq, String hash, String signature) {
	}

}
