package dev.ferry.storage;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Implemented by every module whose rows refer to blobs. A blob is written before the row
 * that will refer to it exists, so a crash in between leaves a live blob nothing refers
 * to; the storage cleanup asks every implementation about blobs a day old that no module
 * has been seen referring to yet, and destroys those none refers to twice in a row. A
 * module that stores blob ids without answering here would lose that content.
 */
public interface BlobReferences {

	/**
	 * Those of {@code blobIds} that a row of this module refers to; one statement over
	 * all its tables, so that a row moving from one to another is not missed.
	 */
	Set<UUID> referencedAmong(Collection<UUID> blobIds);

	/**
	 * For an implementation: runs {@code sql}, a query of blob ids that names the blobs
	 * asked about as {@code :ids}.
	 */
	static Set<UUID> select(JdbcClient jdbc, String sql, Collection<UUID> blobIds) {
		return jdbc.sql(sql)
			.param("ids", blobIds.stream().map(UUID::toString).toList())
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.set();
	}

}
