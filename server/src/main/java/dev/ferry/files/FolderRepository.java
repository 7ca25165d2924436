package dev.ferry.files;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code folders} table: folders created empty, one row per owner and path. */
@Repository
class FolderRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	FolderRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	/** Stores the folder unless the owner has it already; says which happened. */
	boolean insertIfAbsent(UUID ownerId, String path, Instant now) {
		return jdbc
			.sql(dialect.insertIfAbsent(
					"INSERT INTO folders (id, owner_id, path, path_sha256, created_at) VALUES (?, ?, ?, ?, ?)",
					"owner_id", "path_sha256"))
			.params(UUID.randomUUID().toString(), ownerId.toString(), path, sha256(path), now.toEpochMilli())
			.update() == 1;
	}

	/** The owner's rows at {@code folder} and below it, at most {@code limit}. */
	List<String> atOrBelow(UUID ownerId, String folder, int limit) {
		String prefix = folder + "/";
		return jdbc
			.sql("SELECT path FROM folders WHERE owner_id = ? AND (path = ? OR SUBSTR(path, 1, ?) = ?) ORDER BY path"
					+ " LIMIT " + limit)
			.params(ownerId.toString(), folder, prefix.codePointCount(0, prefix.length()), prefix)
			.query(String.class)
			.list();
	}

	/** Removes the owner's row for {@code path}; says whether there was one. */
	boolean delete(UUID ownerId, String path) {
		return jdbc.sql("DELETE FROM folders WHERE owner_id = ? AND path_sha256 = ? AND path = ?")
			.params(ownerId.toString(), sha256(path), path)
			.update() == 1;
	}

	void deleteOwnedBy(UUID ownerId) {
		jdbc.sql("DELETE FROM folders WHERE owner_id = ?").param(ownerId.toString()).update();
	}

	private static String sha256(String path) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
