package dev.ferry.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.crypto.KeyEncryptionKey;
import dev.ferry.crypto.SealedColumn;
import dev.ferry.crypto.SealedTable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhooks} table; signing keys sealed under the KEK. */
@Repository
class WebhookRepository {

	private static final String COLUMNS = "id, owner_id, all_accounts, url, events, enabled, failures, created_at, "
			+ "updated_at";

	private static final String CONTEXT = "webhook:";

	private static final String PREVIOUS_CONTEXT = "webhook-previous:";

	private final JdbcClient jdbc;

	private final SealedColumn secrets;

	private final SealedColumn previousSecrets;

	WebhookRepository(JdbcClient jdbc, KeyEncryptionKey kek) {
		this.jdbc = jdbc;
		this.secrets = SealedTable.register(kek, jdbc, "webhooks", "id", "sealed_secret", CONTEXT);
		this.previousSecrets = SealedTable.register(kek, jdbc, "webhooks", "id", "previous_sealed_secret",
				PREVIOUS_CONTEXT);
	}

	void insert(Webhook hook, byte[] key) {
		jdbc.sql("INSERT INTO webhooks (" + COLUMNS + ", sealed_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(hook.id().toString(), hook.ownerId().toString(), hook.allAccounts(), hook.url(),
					WebhookEvents.encode(hook.events()), hook.enabled(), hook.failures(),
					hook.createdAt().toEpochMilli(), hook.updatedAt().toEpochMilli(),
					secrets.seal(key, CONTEXT + hook.id()))
			.update();
	}

	List<Webhook> forOwner(UUID ownerId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE owner_id = ? ORDER BY created_at, id")
			.param(ownerId.toString())
			.query(WebhookRepository::map)
			.list();
	}

	Optional<Webhook> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = ?")
			.param(id.toString())
			.query(WebhookRepository::map)
			.optional();
	}

	/**
	 * The enabled webhooks for {@code type}: the owner's and those for all accounts; only
	 * the latter when there is no owner ({@code ownerId} null).
	 */
	List<Webhook> subscribers(UUID ownerId, String type) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM webhooks WHERE enabled = ? AND (owner_id = ? OR all_accounts = ?) "
					+ "AND events LIKE ?")
			.params(true, (ownerId != null) ? ownerId.toString() : "", true, "%," + type + ",%")
			.query(WebhookRepository::map)
			.list();
	}

	/**
	 * Writes the hook's address and events, and its switch and failure count only when
	 * {@code switched}: an edit that did not touch the switch must not turn back on a
	 * hook the deliveries disabled meanwhile.
	 */
	void update(Webhook hook, boolean switched) {
		if (switched) {
			jdbc.sql("UPDATE webhooks SET enabled = ?, failures = ? WHERE id = ?")
				.params(hook.enabled(), hook.failures(), hook.id().toString())
				.update();
		}
		jdbc.sql("UPDATE webhooks SET url = ?, events = ?, updated_at = ? WHERE id = ?")
			.params(hook.url(), WebhookEvents.encode(hook.events()), hook.updatedAt().toEpochMilli(),
					hook.id().toString())
			.update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM webhooks WHERE id = ?").param(id.toString()).update() == 1;
	}

	/** The signing keys: the current one, and the previous one until its overlap ends. */
	List<byte[]> keys(UUID id, Instant now) {
		return jdbc.sql("SELECT sealed_secret, previous_sealed_secret, previous_until FROM webhooks WHERE id = ?")
			.param(id.toString())
			.query((rs, row) -> {
				List<byte[]> keys = new ArrayList<>();
				keys.add(secrets.open(rs.getBytes(1), CONTEXT + id));
				byte[] previous = rs.getBytes(2);
				long until = rs.getLong(3);
				if (previous != null && until > now.toEpochMilli()) {
					keys.add(previousSecrets.open(previous, PREVIOUS_CONTEXT + id));
				}
				return keys;
			})
			.single();
	}

	/**
	 * Makes {@code key} the signing key; the current one stays valid until {@code until}.
	 */
	void rotate(UUID id, byte[] key, Instant until, Instant now) {
		byte[] current = secrets.open(jdbc.sql("SELECT sealed_secret FROM webhooks WHERE id = ?")
			.param(id.toString())
			.query(byte[].class)
			.single(), CONTEXT + id);
		jdbc.sql("UPDATE webhooks SET sealed_secret = ?, previous_sealed_secret = ?, previous_until = ?, "
				+ "updated_at = ? WHERE id = ?")
			.params(secrets.seal(key, CONTEXT + id), previousSecrets.seal(current, PREVIOUS_CONTEXT + id),
					until.toEpochMilli(), now.toEpochMilli(), id.toString())
			.update();
	}

	/**
	 * Counts a delivery that gave up and disables the webhook at {@code limit}; answers
	 * whether this call disabled it, so that of several deliveries giving up at once only
	 * one tells the owner. Two statements rather than one {@code CASE}: MariaDB assigns
	 * left to right, so a {@code CASE} after {@code failures = failures + 1} would read
	 * the new count there and the old one elsewhere.
	 */
	boolean failed(UUID id, int limit, Instant now) {
		jdbc.sql("UPDATE webhooks SET failures = failures + 1, updated_at = ? WHERE id = ?")
			.params(now.toEpochMilli(), id.toString())
			.update();
		return jdbc.sql("UPDATE webhooks SET enabled = ? WHERE id = ? AND enabled = ? AND failures >= ?")
			.params(false, id.toString(), true, limit)
			.update() == 1;
	}

	void succeeded(UUID id) {
		jdbc.sql("UPDATE webhooks SET failures = 0 WHERE id = ? AND failures <> 0").param(id.toString()).update();
	}

	private static Webhook map(ResultSet rs, int row) throws SQLException {
		return new Webhook(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("owner_id")),
				rs.getBoolean("all_accounts"), rs.getString("url"), WebhookEvents.decode(rs.getString("events")),
				rs.getBoolean("enabled"), rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("created_at")),
				Instant.ofEpochMilli(rs.getLong("updated_at")));
	}

	record Webhook(UUID id, UUID ownerId, boolean allAccounts, String url, List<String> events, boolean enabled,
			int failures, Instant createdAt, Instant updatedAt) {
	}

}
