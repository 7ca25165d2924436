package dev.ferry.files;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code file_zip_sets}: the files an account registered to download as one ZIP, readable
 * from any node, so the GET that streams the archive may land on another one.
 */
@Repository
class ZipSetRepository {

	private final JdbcClient jdbc;

	ZipSetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A registered set; {@code fileIds} in the order the ZIP holds them. */
	record ZipSet(UUID id, UUID ownerId, List<UUID> fileIds, Instant createdAt, Instant expiresAt) {
	}

	void insert(ZipSet set) {
		jdbc.sql("INSERT INTO file_zip_sets (id, owner_id, file_ids, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(set.id().toString(), set.ownerId().toString(),
					String.join(",", set.fileIds().stream().map(UUID::toString).toList()),
					set.createdAt().toEpochMilli(), set.expiresAt().toEpochMilli())
			.update();
	}

	Optional<ZipSet> find(UUID id, UUID ownerId) {
		return jdbc.sql("SELECT * FROM file_zip_sets WHERE id = ? AND owner_id = ?")
			.params(id.toString(), ownerId.toString())
			.query((rs, row) -> new ZipSet(UUID.fromString(rs.getString("id")),
					UUID.fromString(rs.getString("owner_id")),
					Arrays.stream(rs.getString("file_ids").split(",")).map(UUID::fromString).toList(),
					Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at"))))
			.optional();
	}

	/** Sets that can no longer be downloaded; their rows serve nothing. */
	int deleteExpired(Instant before) {
		return jdbc.sql("DELETE FROM file_zip_sets WHERE expires_at < ?").param(before.toEpochMilli()).update();
	}

}
