package dev.ferry.files;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import dev.ferry.storage.BlobReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The blobs of files, their older versions and trashed files: one statement, so that a
 * file moving to the trash or back is seen in one table or the other.
 */
@Component
class FileBlobReferences implements BlobReferences {

	private final JdbcClient jdbc;

	FileBlobReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<UUID> referencedAmong(Collection<UUID> blobIds) {
		return BlobReferences.select(jdbc,
				"SELECT blob_id FROM files WHERE blob_id IN (:ids) UNION SELECT blob_id FROM file_versions "
						+ "WHERE blob_id IN (:ids) UNION SELECT blob_id FROM trashed_files WHERE blob_id IN (:ids)",
				blobIds);
	}

}
