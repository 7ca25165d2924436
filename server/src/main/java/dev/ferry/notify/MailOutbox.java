package dev.ferry.notify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table. Each pending message is one execution of the
 * {@code mail} job, which one node at a time runs; {@code claimed_until} and
 * {@code next_attempt_at} date from when every node polled the table. Subject and bodies
 * may hold share links, reset links and codes, which are secrets: they are kept only
 * sealed under the KEK ({@code sealed_body}, context {@code mail:<id>}) and dropped once
 * the message is sent or given up. The plaintext columns stay empty.
 */
@Repository
class MailOutbox {

	static final String PENDING = "pending";

	static final String SENT = "sent";

	static final String FAILED = "failed";

	private static final String CONTEXT = "mail:";

	private static final String BLANK = "subject = '', text_body = '', html_body = '', sealed_body = NULL";

	private final JdbcClient jdbc;

	private final SealedColumn bodies;

	MailOutbox(JdbcClient jdbc, KeyEncryptionKey kek) {
		this.jdbc = jdbc;
		this.bodies = SealedTable.register(kek, jdbc, "mail_outbox", "id", "sealed_body", CONTEXT);
	}

	void add(UUID id, String recipient, MailTemplates.Rendered mail, Instant now) {
		jdbc.sql("INSERT INTO mail_outbox (id, recipient, subject, text_body, html_body, sealed_body, status, "
				+ "attempts, next_attempt_at, claimed_until, created_at) VALUES (?, ?, '', '', '', ?, ?, 0, ?, 0, ?)")
			.params(id.toString(), recipient, bodies.seal(encode(mail), CONTEXT + id), PENDING, now.toEpochMilli(),
					now.toEpochMilli())
			.update();
	}

	/** Every message not yet sent nor given up. */
	List<UUID> pendingIds() {
		return jdbc.sql("SELECT id FROM mail_outbox WHERE status = ? ORDER BY created_at, id")
			.param(PENDING)
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	boolean pending(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE id = ? AND status = ?")
			.params(id.toString(), PENDING)
			.query(Long.class)
			.single() == 1;
	}

	OutboxMessage find(UUID id) {
		return jdbc
			.sql("SELECT recipient, subject, text_body, html_body, sealed_body, attempts FROM mail_outbox WHERE id = ?")
			.param(id.toString())
			.query((rs, row) -> {
				byte[] sealed = rs.getBytes(5);
				MailTemplates.Rendered mail = (sealed != null) ? decode(bodies.open(sealed, CONTEXT + id))
						: new MailTemplates.Rendered(rs.getString(2), rs.getString(3), rs.getString(4));
				return new OutboxMessage(id, rs.getString(1), mail.subject(), mail.text(), mail.html(), rs.getInt(6));
			})
			.single();
	}

	/**
	 * Deletes every message to {@code recipient}, whatever the case it was written in.
	 */
	void forget(String recipient) {
		jdbc.sql("DELETE FROM mail_outbox WHERE LOWER(recipient) = ?")
			.param(recipient.toLowerCase(Locale.ROOT))
			.update();
	}

	void sent(UUID id, Instant now) {
		jdbc.sql("UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, " + BLANK + " WHERE id = ?")
			.params(SENT, now.toEpochMilli(), id.toString())
			.update();
	}

	void attemptFailed(UUID id, String error) {
		jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND status = ?")
			.params(error, id.toString(), PENDING)
			.update();
	}

	/** Marks the message failed and drops its content. */
	void gaveUp(UUID id) {
		jdbc.sql("UPDATE mail_outbox SET status = ?, " + BLANK + " WHERE id = ? AND status = ?")
			.params(FAILED, id.toString(), PENDING)
			.update();
	}

	/**
	 * Seals what older versions queued in plaintext; answers how many messages. A row is
	 * replaced only if it is still unsealed, so nodes starting together do not clash.
	 */
	int sealPlaintext() {
		int sealed = 0;
		for (Legacy row : jdbc
			.sql("SELECT id, subject, text_body, html_body FROM mail_outbox "
					+ "WHERE status = ? AND sealed_body IS NULL AND (text_body <> '' OR html_body <> '')")
			.param(PENDING)
			.query((rs, i) -> new Legacy(rs.getString(1),
					new MailTemplates.Rendered(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list()) {
			sealed += jdbc
				.sql("UPDATE mail_outbox SET sealed_body = ?, subject = '', text_body = '', html_body = '' "
						+ "WHERE id = ? AND sealed_body IS NULL")
				.params(bodies.seal(encode(row.mail()), CONTEXT + row.id()), row.id())
				.update();
		}
		return sealed;
	}

	/** Subject, text and HTML, each as its UTF-8 length then its bytes. */
	private static byte[] encode(MailTemplates.Rendered mail) {
		byte[][] parts = { utf8(mail.subject()), utf8(mail.text()), utf8(mail.html()) };
		ByteBuffer buffer = ByteBuffer
			.allocate(3 * Integer.BYTES + parts[0].length + parts[1].length + parts[2].length);
		for (byte[] part : parts) {
			buffer.putInt(part.length).put(part);
		}
		return buffer.array();
	}

	private static MailTemplates.Rendered decode(byte[] encoded) {
		ByteBuffer buffer = ByteBuffer.wrap(encoded);
		return new MailTemplates.Rendered(next(buffer), next(buffer), next(buffer));
	}

	private static String next(ByteBuffer buffer) {
		byte[] part = new byte[buffer.getInt()];
		buffer.get(part);
		return new String(part, StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private record Legacy(String id, MailTemplates.Rendered mail) {
	}

}
