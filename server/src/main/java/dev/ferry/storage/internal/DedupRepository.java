package dev.ferry.storage.internal;

import java.util.Optional;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code blob_dedup} table: which live blob holds the content of each keyed hash. */
@Repository
class DedupRepository {

	private final JdbcClient jdbc;

	private final String claim;

	DedupRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.claim = dialect.insertIfAbsent("INSERT INTO blob_dedup (dedup_key, blob_id) VALUES (?, ?)", "dedup_key");
	}

	/**
	 * Names {@code blobId} as the holder of {@code key} unless a blob holds it already,
	 * and returns the holder: one statement, so concurrent arrivals agree on one.
	 */
	UUID claim(String key, UUID blobId) {
		jdbc.sql(claim).params(key, blobId.toString()).update();
		return holder(key).orElse(blobId);
	}

	Optional<UUID> holder(String key) {
		return jdbc.sql("SELECT blob_id FROM blob_dedup WHERE dedup_key = ?")
			.param(key)
			.query((rs, i) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	/**
	 * Forgets a holder that is being destroyed, unless another took its place already.
	 */
	void release(String key, UUID blobId) {
		jdbc.sql("DELETE FROM blob_dedup WHERE dedup_key = ? AND blob_id = ?").params(key, blobId.toString()).update();
	}

}
