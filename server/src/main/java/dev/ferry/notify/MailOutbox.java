package dev.ferry.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. A message is claimed by one node at a time
 * ({@code claimed_until}), so several nodes can poll the same outbox. Bodies are blanked
 * once sent: they may hold share links, which are secrets.
 */
@Repository
class MailOutbox {

	static final String PENDING = "pending";

	static final String SENT = "sent";

	static final String FAILED = "failed";

	private final JdbcClient jdbc;

	MailOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID id, String recipient, MailTemplates.Rendered mail, Instant now) {
		jdbc.sql("INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, status, attempts, "
				+ "next_attempt_at, claimed_until, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, ?)")
			.params(id.toString(), recipient, mail.subject(), mail.text(), mail.html(), PENDING, now.toEpochMilli(),
					now.toEpochMilli())
			.update();
	}

	List<UUID> due(Instant now, int limit) {
		return jdbc
			.sql("SELECT id FROM mail_outbox WHERE status = ? AND next_attempt_at <= ? AND claimed_until <= ? "
					+ "ORDER BY next_attempt_at, id LIMIT " + limit)
			.params(PENDING, now.toEpochMilli(), now.toEpochMilli())
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	/** Takes the message for this node until {@code until}; false if another has it. */
	boolean claim(UUID id, Instant now, Instant until) {
		return jdbc.sql("UPDATE mail_outbox SET claimed_until = ? WHERE id = ? AND status = ? AND claimed_until <= ?")
			.params(until.toEpochMilli(), id.toString(), PENDING, now.toEpochMilli())
			.update() == 1;
	}

	OutboxMessage find(UUID id) {
		return jdbc.sql("SELECT id, recipient, subject, text_body, html_body, attempts FROM mail_outbox WHERE id = ?")
			.param(id.toString())
			.query((rs, row) -> new OutboxMessage(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getInt(6)))
			.single();
	}

	void sent(UUID id, Instant now) {
		jdbc.sql("UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, text_body = '', "
				+ "html_body = '', claimed_until = 0 WHERE id = ?")
			.params(SENT, now.toEpochMilli(), id.toString())
			.update();
	}

	void failed(UUID id, boolean giveUp, Instant nextAttempt, String error) {
		jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
				+ "claimed_until = 0 WHERE id = ?")
			.params(giveUp ? FAILED : PENDING, nextAttempt.toEpochMilli(), error, id.toString())
			.update();
	}

}
